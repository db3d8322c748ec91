using Grpc.Core;
using Grpc.Core.Interceptors;
using TM.Protos.V1;
using TM.Server.Hosting;

namespace TM.Server.Services;

/// <summary>
/// Holds calls of <c>tm.v1.TranslationMemory</c> until the server is ready (<see cref="ServerReadiness"/>): a lookup
/// sent while the memories load is answered when they are, or ends at its deadline. Health and reflection calls pass
/// at once, so a probe sees NOT_SERVING meanwhile. Once ready, a call pays one completed-task check.
/// </summary>
public sealed class ReadinessInterceptor(ServerReadiness readiness) : Interceptor
{
    private static readonly string ServicePrefix = "/" + TranslationMemory.Descriptor.FullName + "/";

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        MustWait(context) ? WaitThenAsync(context, () => continuation(request, context)) : continuation(request, context);

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MustWait(context) ? WaitThenAsync(context, () => continuation(requestStream, context)) : continuation(requestStream, context);

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        MustWait(context) ? WaitThenAsync(context, () => continuation(request, responseStream, context)) : continuation(request, responseStream, context);

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        MustWait(context)
            ? WaitThenAsync(context, () => continuation(requestStream, responseStream, context))
            : continuation(requestStream, responseStream, context);

    private bool MustWait(ServerCallContext context) =>
        !readiness.IsReady && context.Method.StartsWith(ServicePrefix, StringComparison.Ordinal);

    private async Task<T> WaitThenAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        await WaitAsync(context);
        return await call();
    }

    private async Task WaitThenAsync(ServerCallContext context, Func<Task> call)
    {
        await WaitAsync(context);
        await call();
    }

    private async Task WaitAsync(ServerCallContext context)
    {
        try
        {
            // Cancelled when the call's deadline passes or the client goes away: grpc-dotnet answers that.
            await readiness.Ready.WaitAsync(context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The server could not load its memories and is stopping ({e.Message}); see its log."));
        }
    }
}
