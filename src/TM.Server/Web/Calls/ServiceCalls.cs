using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TM.Protos.V1;
using TM.Server.Services;

namespace TM.Server.Web.Calls;

/// <summary>
/// Runs the <c>tm.v1.TranslationMemory</c> service's methods in process for the web pages, through the same error
/// boundary and readiness gate as a gRPC call: the pages validate nothing on their own, so a page and a CAT tool get the
/// same checks, limits, role and memory rules, and the same messages. Failures come out as <see cref="RpcException"/>
/// with the status a client would get; <see cref="WebFailure"/> turns it into an HTTP status for the page.
/// </summary>
public sealed class ServiceCalls(ErrorBoundaryInterceptor errors, ReadinessInterceptor readiness)
{
    private static readonly string Prefix = "/" + TranslationMemory.Descriptor.FullName + "/";

    /// <summary>Runs a unary method, e.g. <c>UnaryAsync(http, "Lookup", request, (s, r, c) => s.Lookup(r, c))</c>.</summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(HttpContext http, string method, TRequest request,
        Func<TranslationMemoryService, TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(http);
        var service = Service(http);
        return errors.UnaryServerHandler(request, Context(http, method), (r, c) => readiness.UnaryServerHandler(r, c, (r2, c2) => handler(service, r2, c2)));
    }

    /// <summary>Runs a server-streaming method, handing each message to <paramref name="write"/> as the method writes it.</summary>
    public Task ServerStreamingAsync<TRequest, TResponse>(HttpContext http, string method, TRequest request, Func<TResponse, Task> write,
        Func<TranslationMemoryService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(http);
        var service = Service(http);
        ServerStreamingServerMethod<TRequest, TResponse> call = (r, w, c) => handler(service, r, w, c);
        var writer = new DelegateStreamWriter<TResponse>(write);
        return errors.ServerStreamingServerHandler(request, writer, Context(http, method),
            (r, w, c) => readiness.ServerStreamingServerHandler(r, w, c, call));
    }

    /// <summary>Runs a bidirectional method: requests from <paramref name="next"/> (null at the end), responses to <paramref name="write"/>.</summary>
    public Task DuplexAsync<TRequest, TResponse>(HttpContext http, string method, Func<CancellationToken, ValueTask<TRequest?>> next, Func<TResponse, Task> write,
        Func<TranslationMemoryService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(http);
        var service = Service(http);
        DuplexStreamingServerMethod<TRequest, TResponse> call = (r, w, c) => handler(service, r, w, c);
        var reader = new MessageQueueReader<TRequest>(next);
        var writer = new DelegateStreamWriter<TResponse>(write);
        return errors.DuplexStreamingServerHandler(reader, writer, Context(http, method),
            (r, w, c) => readiness.DuplexStreamingServerHandler(r, w, c, call));
    }

    // As grpc-dotnet does for a call: a new instance over the server's singletons (its constructor only keeps them).
    private static TranslationMemoryService Service(HttpContext http) =>
        ActivatorUtilities.CreateInstance<TranslationMemoryService>(http.RequestServices);

    private static InProcessCallContext Context(HttpContext http, string method) => new(http, Prefix + method);
}
