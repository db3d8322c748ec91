using System.Net;

namespace TM.Grpc.Internal.Client;

/// <summary>The request body of a unary or server-streaming call: one framed message, serialized up front.</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    // HttpClient sends one DATA frame per write. Up to this size the frame header and the payload share one
    // buffer and leave in one frame; beyond it, copying the payload costs more than the extra 5-byte frame.
    private const int SingleWriteLimit = 64 * 1024;

    // The frame header, followed by the payload when it is small; then the payload when it is not.
    private readonly byte[] _head;
    private readonly byte[]? _tail;

    public UnaryRequestContent(byte[] payload, bool compressed)
    {
        if (payload.Length <= SingleWriteLimit)
        {
            _head = new byte[GrpcProtocolConstants.MessageHeaderSize + payload.Length];
            payload.CopyTo(_head, GrpcProtocolConstants.MessageHeaderSize);
        }
        else
        {
            _head = new byte[GrpcProtocolConstants.MessageHeaderSize];
            _tail = payload;
        }

        GrpcFrameWriter.WriteHeader(_head, payload.Length, compressed);

        // A raw value: a MediaTypeHeaderValue would be allocated, then formatted again, for every call.
        Headers.TryAddWithoutValidation("content-type", GrpcProtocolConstants.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => _tail is null ? stream.WriteAsync(_head, cancellationToken).AsTask() : WriteHeadAndTailAsync(stream, _tail, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        // Like other gRPC clients, send no content-length: the length prefix inside the body is what counts.
        length = 0;
        return false;
    }

    private async Task WriteHeadAndTailAsync(Stream stream, byte[] tail, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_head, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(tail, cancellationToken).ConfigureAwait(false);
    }
}
