using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> _invoker;

    public ClientStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> invoker,
        GrpcServiceOptions options,
        ILogger logger)
        : base(method, options, logger)
    {
        _invoker = invoker;
    }

    protected override async Task InvokeAsync(TService service, HttpContextServerCallContext context)
    {
        var requestStream = new HttpContextStreamReader<TRequest>(context, Method.RequestMarshaller);
        var response = await _invoker(service, requestStream, context).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false).ConfigureAwait(false);
    }
}
