using System.Collections.Concurrent;
using System.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TM.Protos.V1;
using TM.Server.Security;
using TM.Server.Services;

namespace TM.Server.Web.Calls;

/// <summary>
/// Runs the <c>tm.v1.TranslationMemory</c> service's methods in process for the web pages, through the same error
/// boundary and readiness gate as a gRPC call: the pages validate nothing on their own, so a page and a CAT tool get the
/// same checks, limits, role and memory rules, and the same messages. Failures come out as <see cref="RpcException"/>
/// with the status a client would get; <see cref="WebFailure"/> turns it into an HTTP status for the page.
/// </summary>
/// <remarks>
/// A call in process skips ASP.NET Core's authorization of the gRPC endpoint, so the role each method's
/// <see cref="AuthorizeAttribute"/> names is checked here, before the method runs (the methods check the memory, and
/// most check the role again); and only a request signed in as a <see cref="Caller"/> may call at all, so a page that
/// somehow skipped the sign-in policy cannot fall back to open access.
/// </remarks>
public sealed class ServiceCalls(ErrorBoundaryInterceptor errors, ReadinessInterceptor readiness)
{
    private static readonly string Prefix = "/" + TranslationMemory.Descriptor.FullName + "/";
    private static readonly ConcurrentDictionary<string, AccessRole> Roles = new(StringComparer.Ordinal);

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

    private static InProcessCallContext Context(HttpContext http, string method)
    {
        var caller = (http.User.Identity as CallerIdentity)?.Caller
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Sign in with an API key first."));
        var needed = RoleOf(method);
        if (caller.Role < needed)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"The key '{caller.Name}' has the {AccessPolicies.NameOf(caller.Role)} role; {method} needs {AccessPolicies.NameOf(needed)}."));
        }
        return new(http, Prefix + method);
    }

    /// <summary>The role the service's method named <paramref name="method"/> requires, as its <see cref="AuthorizeAttribute"/> says.</summary>
    /// <exception cref="ArgumentException">The service has no such method, or it names no policy: a page's mistake, never a user's.</exception>
    internal static AccessRole RoleOf(string method) => Roles.GetOrAdd(method, static name =>
        typeof(TranslationMemoryService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<AuthorizeAttribute>()?.Policy is { } policy
            && AccessPolicies.Parse(policy) is { } role
            ? role
            : throw new ArgumentException($"TranslationMemoryService has no method {name} with an [Authorize(Policy = …)].", nameof(method)));
}
