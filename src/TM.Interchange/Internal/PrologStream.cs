namespace TM.Interchange.Internal;

/// <summary>
/// Replays the bytes <see cref="XmlProlog"/> read ahead, then the rest of the input. For a file that declares
/// US-ASCII it also rejects any byte above 0x7F, which the runtime's ASCII decoder would silently turn into '?'.
/// </summary>
internal sealed class PrologStream : Stream
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private readonly Stream _inner;
    private readonly bool _asciiOnly;
    private readonly string? _fileName;
    private int _prefixPosition;
    private int _line = 1;

    public PrologStream(byte[] prefix, int prefixLength, Stream inner, bool asciiOnly, string? fileName)
    {
        _prefix = prefix;
        _prefixLength = prefixLength;
        _inner = inner;
        _asciiOnly = asciiOnly;
        _fileName = fileName;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_prefixPosition < _prefixLength)
        {
            read = Math.Min(buffer.Length, _prefixLength - _prefixPosition);
            _prefix.AsSpan(_prefixPosition, read).CopyTo(buffer);
            _prefixPosition += read;
        }
        else
        {
            read = _inner.Read(buffer);
        }

        if (_asciiOnly)
        {
            CheckAscii(buffer[..read]);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void CheckAscii(ReadOnlySpan<byte> bytes)
    {
        int bad = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (bad < 0)
        {
            _line += bytes.Count((byte)'\n');
            return;
        }

        _line += bytes[..bad].Count((byte)'\n');
        throw new TmxFormatException(
            $"The file declares encoding=\"US-ASCII\" but holds the byte 0x{bytes[bad]:X2}, which is not ASCII; read as ASCII it would turn into '?'. " +
            "The file is most likely UTF-8: change the declaration to encoding=\"UTF-8\".",
            _fileName,
            _line,
            0);
    }
}
