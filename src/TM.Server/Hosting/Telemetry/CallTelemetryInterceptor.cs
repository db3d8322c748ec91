using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Logging;

namespace TM.Server.Hosting.Telemetry;

/// <summary>
/// Observes every call of every service, gRPC and HTTP/JSON alike: records its duration and final status in
/// <see cref="ServerMetrics"/>, and runs it inside a <see cref="CallLogScope"/> naming the method and the caller.
/// </summary>
/// <remarks>
/// <para>
/// It must be the first interceptor: outside <see cref="Services.ErrorBoundaryInterceptor"/>, it sees the status the
/// client gets (the boundary turns exceptions into <see cref="RpcException"/>s), and the boundary's error log line is
/// inside the scope. Metrics and the scope share one interceptor because grpc-dotnet wraps each interceptor in an async
/// frame and resolves it from the container on every call.
/// </para>
/// <para>
/// ASP.NET Core's own <c>http.server.request.duration</c> was not used: every gRPC answer is HTTP 200 with the status
/// in a trailer, and grpc-dotnet tags only tracing activities (which this server does not create, ~850 bytes per
/// request) with the gRPC method and status, never that metric.
/// </para>
/// <para>
/// Calls grpc-dotnet answers before any interceptor runs are not counted: unknown methods (UNIMPLEMENTED) and unary
/// requests that are not valid protobuf (see <see cref="Services.UnreadableRequestMiddleware"/>).
/// </para>
/// </remarks>
public sealed class CallTelemetryInterceptor(ServerMetrics metrics, ILogger<CallTelemetryInterceptor> logger) : Interceptor
{
    // "/tm.v1.TranslationMemory/Lookup" -> "tm.v1.TranslationMemory/Lookup", once per method: the tag needs a string,
    // and the methods are the few the server maps (an unknown one never reaches an interceptor).
    private readonly ConcurrentDictionary<string, string> _methodNames = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context);
        using var scope = BeginScope(call, context);
        try
        {
            var task = continuation(request, context);
            return task.IsCompleted ? Ended(task, call, context) : EndedAsync(task, call, context);
        }
        catch (Exception e) when (Thrown(e, call, context))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context);
        using var scope = BeginScope(call, context);
        try
        {
            var task = continuation(requestStream, context);
            return task.IsCompleted ? Ended(task, call, context) : EndedAsync(task, call, context);
        }
        catch (Exception e) when (Thrown(e, call, context))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context);
        using var scope = BeginScope(call, context);
        try
        {
            var task = continuation(request, responseStream, context);
            return task.IsCompleted ? Ended(task, call, context) : EndedAsync(task, call, context);
        }
        catch (Exception e) when (Thrown(e, call, context))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = Begin(context);
        using var scope = BeginScope(call, context);
        try
        {
            var task = continuation(requestStream, responseStream, context);
            return task.IsCompleted ? Ended(task, call, context) : EndedAsync(task, call, context);
        }
        catch (Exception e) when (Thrown(e, call, context))
        {
            throw;
        }
    }

    /// <summary>
    /// The status grpc-dotnet answers a call with once its handler's task has ended: the <see cref="RpcException"/>'s
    /// (the error boundary maps every other exception to one), else, for a call that ended because the client went
    /// away or its deadline passed, CANCELLED or DEADLINE_EXCEEDED, else UNKNOWN.
    /// </summary>
    private static StatusCode StatusOf(Task ended, ServerCallContext context) =>
        ended.IsCompletedSuccessfully ? StatusCode.OK : StatusOf(ended.Exception?.InnerException, context);

    private static StatusCode StatusOf(Exception? error, ServerCallContext context)
    {
        if (error is RpcException rpc)
            return rpc.StatusCode;
        if (context.CancellationToken.IsCancellationRequested)
            return context.Deadline <= DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled;
        return StatusCode.Unknown;
    }

    private CallStart Begin(ServerCallContext context) =>
        new(_methodNames.GetOrAdd(context.Method, static method => method.StartsWith('/') ? method[1..] : method), Stopwatch.GetTimestamp());

    private IDisposable? BeginScope(CallStart call, ServerCallContext context)
    {
        // The authentication feature rather than HttpContext.User, which creates an empty principal on every call that
        // has none. Authentication middleware runs before any interceptor; an API key's name is its identity's name.
        var user = context.GetHttpContext().Features.Get<IHttpAuthenticationFeature>()?.User;
        var name = user?.Identity?.Name;
        return logger.BeginScope(new CallLogScope(call.Method, string.IsNullOrEmpty(name) ? CallLogScope.Anonymous : name));
    }

    // A handler that throws before returning its task (none of ours: the error boundary is async). Never catches.
    private bool Thrown(Exception error, CallStart call, ServerCallContext context)
    {
        metrics.CallEnded(call.Method, StatusOf(error, context), Stopwatch.GetElapsedTime(call.Started));
        return false;
    }

    // Most unary calls (a lookup, stats) end before the pipeline returns: recorded here, with no await and no allocation.
    private T Ended<T>(T task, CallStart call, ServerCallContext context) where T : Task
    {
        Record(task, call, context);
        return task;
    }

    private void Record(Task ended, CallStart call, ServerCallContext context) =>
        metrics.CallEnded(call.Method, StatusOf(ended, context), Stopwatch.GetElapsedTime(call.Started));

    private async Task<TResponse> EndedAsync<TResponse>(Task<TResponse> task, CallStart call, ServerCallContext context)
    {
        try
        {
            return await task;
        }
        finally
        {
            Record(task, call, context);
        }
    }

    private async Task EndedAsync(Task task, CallStart call, ServerCallContext context)
    {
        try
        {
            await task;
        }
        finally
        {
            Record(task, call, context);
        }
    }

    private readonly record struct CallStart(string Method, long Started);
}
