using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Services;

/// <summary>
/// A write-only stream that sends what is written to it as <see cref="ExportTmxChunk"/> messages of at most
/// <see cref="MaxChunkSize"/> bytes. Asynchronous writes only: a synchronous one would block a request thread on
/// the network, so it throws.
/// </summary>
internal sealed class ExportChunkStream(IServerStreamWriter<ExportTmxChunk> responseStream, CancellationToken cancellationToken) : Stream
{
    public const int MaxChunkSize = 64 * 1024;

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
            await responseStream.WriteAsync(new ExportTmxChunk { Chunk = ByteString.CopyFrom(part.Span) });
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
