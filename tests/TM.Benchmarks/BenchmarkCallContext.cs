using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TM.Benchmarks;

/// <summary>
/// A call context for driving a server interceptor directly: a method name and an HttpContext (in the UserState slot
/// grpc-dotnet's GetHttpContext reads for call contexts it did not make; its own context is found by a type check).
/// </summary>
internal sealed class BenchmarkCallContext : ServerCallContext
{
    public BenchmarkCallContext(string method, HttpContext httpContext)
    {
        MethodCore = method;
        UserState["__HttpContext"] = httpContext;
    }

    protected override string MethodCore { get; }

    protected override string HostCore => "127.0.0.1";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => CancellationToken.None;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
}
