namespace TM.Grpc;

/// <summary>Options of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>
    /// The client to send calls with. <see langword="null"/> (the default) makes the channel create one over
    /// <see cref="HttpHandler"/>, or over a new <see cref="SocketsHttpHandler"/>. A client given here keeps its
    /// own <see cref="System.Net.Http.HttpClient.Timeout"/> (100 seconds unless changed), which then limits every call.
    /// Set at most one of <see cref="HttpClient"/> and <see cref="HttpHandler"/>.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The handler to send calls with, for example a <see cref="SocketsHttpHandler"/> with custom TLS settings.
    /// <see langword="null"/> (the default) makes the channel create a <see cref="SocketsHttpHandler"/>.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>
    /// The largest response message accepted, in bytes, after decompression. Defaults to 4 MB (4,194,304 bytes);
    /// <see langword="null"/> means no limit. Larger messages fail the call with <see cref="StatusCode.ResourceExhausted"/>.
    /// </summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest request message sent, in bytes, before compression. Defaults to <see langword="null"/>: no limit.
    /// Larger messages fail the call with <see cref="StatusCode.ResourceExhausted"/> without being sent.
    /// </summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>The compression of request messages: <c>"gzip"</c>, or <see langword="null"/> (the default) for none.</summary>
    public string? RequestCompressionAlgorithm { get; set; }

    /// <summary>
    /// Whether disposing the channel disposes <see cref="HttpClient"/> or <see cref="HttpHandler"/> given in these
    /// options. Defaults to <see langword="false"/>. What the channel creates itself, it always disposes.
    /// </summary>
    public bool DisposeHttpClient { get; set; }
}
