namespace TM.Grpc;

/// <summary>
/// The server-side context of one call: its method, deadline, metadata, cancellation and final status.
/// Like grpc-dotnet, each public member forwards to a protected <c>...Core</c> member, so a test double
/// (or the real grpc-dotnet type, one day) can stand in for the HTTP/2 implementation.
/// </summary>
public abstract class ServerCallContext
{
    /// <summary>Initializes the base class.</summary>
    protected ServerCallContext()
    {
    }

    /// <summary>The full method name, for example <c>/tm.v1.TranslationMemory/Lookup</c>.</summary>
    public string Method => MethodCore;

    /// <summary>The host the client addressed (the HTTP/2 <c>:authority</c>).</summary>
    public string Host => HostCore;

    /// <summary>The client's address, for example <c>ipv4:127.0.0.1:50123</c>.</summary>
    public string Peer => PeerCore;

    /// <summary>The deadline in UTC; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline => DeadlineCore;

    /// <summary>The custom metadata the client sent (protocol headers such as <c>grpc-timeout</c> are left out).</summary>
    public Metadata RequestHeaders => RequestHeadersCore;

    /// <summary>Cancelled when the client cancels or disconnects, or when the deadline passes.</summary>
    public CancellationToken CancellationToken => CancellationTokenCore;

    /// <summary>Metadata sent to the client in the trailers, after the last response message.</summary>
    public Metadata ResponseTrailers => ResponseTrailersCore;

    /// <summary>The status sent when the handler completes normally; <see cref="Grpc.Status.DefaultSuccess"/> unless set.</summary>
    public Status Status
    {
        get => StatusCore;
        set => StatusCore = value;
    }

    /// <summary>Backs <see cref="Method"/>.</summary>
    protected abstract string MethodCore { get; }

    /// <summary>Backs <see cref="Host"/>.</summary>
    protected abstract string HostCore { get; }

    /// <summary>Backs <see cref="Peer"/>.</summary>
    protected abstract string PeerCore { get; }

    /// <summary>Backs <see cref="Deadline"/>.</summary>
    protected abstract DateTime DeadlineCore { get; }

    /// <summary>Backs <see cref="RequestHeaders"/>.</summary>
    protected abstract Metadata RequestHeadersCore { get; }

    /// <summary>Backs <see cref="CancellationToken"/>.</summary>
    protected abstract CancellationToken CancellationTokenCore { get; }

    /// <summary>Backs <see cref="ResponseTrailers"/>.</summary>
    protected abstract Metadata ResponseTrailersCore { get; }

    /// <summary>Backs <see cref="Status"/>.</summary>
    protected abstract Status StatusCore { get; set; }

    /// <summary>
    /// Sends the response headers now, with custom metadata. Optional: headers are otherwise sent with the
    /// first response message (or together with the status when there is none). May be called once,
    /// before the first message is written.
    /// </summary>
    /// <param name="responseHeaders">The custom metadata to send.</param>
    /// <returns>A task that completes when the headers have been sent.</returns>
    /// <exception cref="InvalidOperationException">The headers have already been sent.</exception>
    public Task WriteResponseHeadersAsync(Metadata responseHeaders) => WriteResponseHeadersAsyncCore(responseHeaders);

    /// <summary>Backs <see cref="WriteResponseHeadersAsync"/>.</summary>
    /// <param name="responseHeaders">The custom metadata to send.</param>
    /// <returns>A task that completes when the headers have been sent.</returns>
    protected abstract Task WriteResponseHeadersAsyncCore(Metadata responseHeaders);
}
