using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TM.Server.Web.Calls;

/// <summary>
/// The call context of a service method the web UI runs in process: the page's request stands in for the call's
/// (grpc-dotnet's <c>GetHttpContext</c> finds it under <c>__HttpContext</c>), so <see cref="Security.Caller.Of"/> sees
/// the signed-in key, and the call is cancelled when the browser goes away.
/// </summary>
internal sealed class InProcessCallContext : ServerCallContext
{
    private readonly HttpContext _http;
    private readonly string _method;

    /// <summary>Creates the context of a call to <paramref name="method"/> (e.g. <c>/tm.v1.TranslationMemory/Lookup</c>) made by <paramref name="http"/>.</summary>
    public InProcessCallContext(HttpContext http, string method)
    {
        _http = http;
        _method = method;
        UserState["__HttpContext"] = http;
    }

    protected override string MethodCore => _method;

    protected override string HostCore => _http.Request.Host.Value ?? "";

    protected override string PeerCore => $"web:{_http.Connection.RemoteIpAddress}";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => _http.RequestAborted;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("A web page's call to the service starts no calls of its own.");
}
