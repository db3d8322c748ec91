namespace TM.Interchange.Tests;

/// <summary>A read-only stream whose UTF-8 bytes are produced part by part as they are read: large inputs without large files or buffers.</summary>
internal sealed class GeneratedStream : Stream
{
    private readonly IEnumerator<string> _parts;
    private byte[] _pending = new byte[4096];
    private int _offset;
    private int _count;

    public GeneratedStream(IEnumerable<string> parts)
    {
        _parts = parts.GetEnumerator();
    }

    /// <summary>How many bytes the consumer has taken so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_offset == _count)
        {
            if (!_parts.MoveNext())
            {
                return 0;
            }

            int needed = TestData.Utf8.GetMaxByteCount(_parts.Current.Length);
            if (_pending.Length < needed)
            {
                _pending = new byte[needed];
            }

            _count = TestData.Utf8.GetBytes(_parts.Current, _pending);
            _offset = 0;
        }

        int copied = Math.Min(count, _count - _offset);
        Buffer.BlockCopy(_pending, _offset, buffer, offset, copied);
        _offset += copied;
        BytesRead += copied;
        return copied;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _parts.Dispose();
        }

        base.Dispose(disposing);
    }
}
