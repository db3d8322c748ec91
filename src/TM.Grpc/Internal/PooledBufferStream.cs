using System.Buffers;

namespace TM.Grpc.Internal;

/// <summary>
/// A write-only stream over a growing <see cref="ArrayPool{T}"/> buffer: the destination of gzip
/// compression and decompression, so a compressed message costs no garbage beyond the final payload.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private const int MinimumSize = 4096;

    private byte[] _buffer;
    private int _length;

    public PooledBufferStream(int initialCapacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MinimumSize));
    }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Returns free space of at least <paramref name="sizeHint"/> bytes; commit it with <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_length);
    }

    public void Advance(int count) => _length += count;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureCapacity(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void EnsureCapacity(int additional)
    {
        if (_buffer.Length - _length >= additional)
        {
            return;
        }

        var newSize = Math.Max(_buffer.Length * 2L, (long)_length + additional);
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(newSize, Array.MaxLength));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
