using System.Net;

namespace TM.Grpc.Internal.Client;

/// <summary>
/// The request body of a client-streaming or duplex call. HttpClient hands over the HTTP/2 request stream
/// when it starts sending the body; the body stays open, and messages are written to that stream as the
/// caller produces them, until <see cref="Complete"/> ends it (END_STREAM: the client's half-close).
/// </summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _streamTcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completeTcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PushStreamContent()
    {
        Headers.TryAddWithoutValidation("content-type", GrpcProtocolConstants.ContentType);
    }

    /// <summary>Completes with the request stream once HttpClient starts sending the body; cancelled by <see cref="Abort"/>.</summary>
    public Task<Stream> StreamTask => _streamTcs.Task;

    /// <summary>Ends the request body.</summary>
    public void Complete() => _completeTcs.TrySetResult();

    /// <summary>Ends the request body of a finished call, waking a writer still waiting for the stream.</summary>
    public void Abort()
    {
        _streamTcs.TrySetCanceled();
        _completeTcs.TrySetResult();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // HttpClient keeps the HEADERS frame of a request with a body in its buffer until the body is written
        // to or flushed. A call that writes nothing yet (a duplex call waiting for the server to speak first)
        // would otherwise never reach the server; about one new connection in 40 did not here.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _streamTcs.TrySetResult(stream);
        await _completeTcs.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
