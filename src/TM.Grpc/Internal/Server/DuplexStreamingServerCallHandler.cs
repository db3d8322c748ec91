using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse> : ServerCallHandlerBase<TService, TRequest, TResponse>
    where TService : class
    where TRequest : class
    where TResponse : class
{
    private readonly Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> _invoker;

    public DuplexStreamingServerCallHandler(
        Method<TRequest, TResponse> method,
        Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> invoker,
        GrpcServiceOptions options,
        ILogger logger)
        : base(method, options, logger)
    {
        _invoker = invoker;
    }

    protected override Task InvokeAsync(TService service, HttpContextServerCallContext context)
    {
        var requestStream = new HttpContextStreamReader<TRequest>(context, Method.RequestMarshaller);
        var responseStream = new HttpContextStreamWriter<TResponse>(context, Method.ResponseMarshaller);
        return _invoker(service, requestStream, responseStream, context);
    }
}
