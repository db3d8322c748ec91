using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, TRequest, ServerCallContext, Task<TResponse>> _invoker;

    public UnaryServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, TRequest, ServerCallContext, Task<TResponse>> invoker,
        GrpcServiceOptions options,
        ILogger logger)
        : base(method, options, logger)
    {
        _invoker = invoker;
    }

    protected override async Task InvokeAsync(TService service, HttpContextServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(Method.RequestMarshaller).ConfigureAwait(false);
        var response = await _invoker(service, request, context).ConfigureAwait(false)
            ?? throw new RpcException(new Status(StatusCode.Internal, "No message returned from method."));
        await context.WriteMessageAsync(response, Method.ResponseMarshaller, flush: false).ConfigureAwait(false);
    }
}
