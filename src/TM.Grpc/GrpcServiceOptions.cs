namespace TM.Grpc;

/// <summary>Options of the gRPC server, set with <c>services.AddGrpc(options => ...)</c>.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>
    /// The largest request message the server accepts, in bytes, after decompression. Defaults to 4 MB
    /// (4,194,304 bytes); <see langword="null"/> means no limit. Larger messages end the call with
    /// <see cref="StatusCode.ResourceExhausted"/>.
    /// </summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The largest response message the server sends, in bytes, before compression. Defaults to
    /// <see langword="null"/>: no limit. Larger messages end the call with <see cref="StatusCode.ResourceExhausted"/>.
    /// </summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// The compression applied to response messages when the client's <c>grpc-accept-encoding</c> allows it:
    /// <c>"gzip"</c>, or <see langword="null"/> (the default) for none.
    /// </summary>
    public string? ResponseCompressionAlgorithm { get; set; }

    /// <summary>
    /// Whether the message of an unexpected handler exception is sent to the client in the status detail.
    /// Defaults to <see langword="false"/>: clients only see "Exception was thrown by handler." Stack traces are never sent.
    /// </summary>
    public bool EnableDetailedErrors { get; set; }
}
