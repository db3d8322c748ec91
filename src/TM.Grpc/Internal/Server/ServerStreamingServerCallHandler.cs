using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> _invoker;

    public ServerStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker,
        GrpcServiceOptions options,
        ILogger logger)
        : base(method, options, logger)
    {
        _invoker = invoker;
    }

    protected override async Task InvokeAsync(TService service, HttpContextServerCallContext context)
    {
        var request = await context.ReadSingleMessageAsync(Method.RequestMarshaller).ConfigureAwait(false);
        var responseStream = new HttpContextStreamWriter<TResponse>(context, Method.ResponseMarshaller);
        await _invoker(service, request, responseStream, context).ConfigureAwait(false);
    }
}
