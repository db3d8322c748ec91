using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Services;

/// <summary>
/// A write-only stream that sends what is written to it as chunk messages (<see cref="ExportTmxChunk"/>,
/// <see cref="ExportTermsChunk"/>) of at most 64 KB. Asynchronous writes only: a synchronous one would block a request thread on
/// the network, so it throws.
/// </summary>
/// <typeparam name="TChunk">The message that carries a chunk.</typeparam>
internal sealed class ExportChunkStream<TChunk>(IServerStreamWriter<TChunk> responseStream, Func<ByteString, TChunk> chunkOf, CancellationToken cancellationToken) : Stream
{
    private const int MaxChunkSize = 64 * 1024;

    public long BytesWritten { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken token = default)
    {
        while (!buffer.IsEmpty)
        {
            var part = buffer[..Math.Min(buffer.Length, MaxChunkSize)];
            cancellationToken.ThrowIfCancellationRequested();
            await responseStream.WriteAsync(chunkOf(ByteString.CopyFrom(part.Span)));
            BytesWritten += part.Length;
            buffer = buffer[part.Length..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        WriteAsync(buffer.AsMemory(offset, count), token).AsTask();

    public override Task FlushAsync(CancellationToken token) => Task.CompletedTask;

    public override void Flush()
    {
        // Nothing is buffered here.
    }

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Export writes asynchronously only.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
