using System.Net;
using System.Net.Http.Headers;

namespace TM.Grpc.Internal.Client;

/// <summary>The request body of a unary or server-streaming call: one framed message, serialized up front.</summary>
internal sealed class UnaryRequestContent : HttpContent
{
    private readonly byte[] _header = new byte[GrpcProtocolConstants.MessageHeaderSize];
    private readonly byte[] _payload;

    public UnaryRequestContent(byte[] payload, bool compressed)
    {
        _payload = payload;
        GrpcFrameWriter.WriteHeader(_header, payload.Length, compressed);
        Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocolConstants.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_header, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(_payload, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        // Like other gRPC clients, send no content-length: the length prefix inside the body is what counts.
        length = 0;
        return false;
    }
}
