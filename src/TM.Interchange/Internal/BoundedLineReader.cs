using System.Text;

namespace TM.Interchange.Internal;

/// <summary>
/// Reads lines (ended by CR LF, LF or CR) with their 1-based numbers, refusing a line longer than a limit instead
/// of buffering it whole as <see cref="TextReader.ReadLine"/> would; lines can be pushed back to be read again.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly string? _fileName;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _line = new();
    private readonly Stack<(string Text, int Number)> _pushedBack = new();
    private int _position;
    private int _length;
    private int _lineNumber;
    private bool _atStart = true;

    public BoundedLineReader(TextReader reader, int maxLength, string? fileName)
    {
        _reader = reader;
        _maxLength = maxLength;
        _fileName = fileName;
    }

    public bool TryRead(out string text, out int number)
    {
        if (_pushedBack.TryPop(out (string Text, int Number) pushed))
        {
            (text, number) = pushed;
            return true;
        }

        _line.Clear();
        bool any = false;
        while (true)
        {
            if (_position == _length && !Fill())
            {
                if (!any)
                {
                    text = "";
                    number = 0;
                    return false;
                }

                break;
            }

            any = true;
            ReadOnlySpan<char> available = _buffer.AsSpan(_position, _length - _position);
            int end = available.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                Append(available);
                _position = _length;
                continue;
            }

            Append(available[..end]);
            _position += end + 1;
            if (available[end] == '\r' && (_position < _length || Fill()) && _buffer[_position] == '\n')
            {
                _position++;
            }

            break;
        }

        _lineNumber++;
        text = _line.ToString();
        if (_atStart)
        {
            // A byte order mark that reached us as a character (a TextReader that did not strip it) is not text.
            _atStart = false;
            text = text.TrimStart('\uFEFF');
        }

        number = _lineNumber;
        return true;
    }

    public void PushBack(string text, int number) => _pushedBack.Push((text, number));

    private void Append(ReadOnlySpan<char> text)
    {
        if (_line.Length + text.Length > _maxLength)
        {
            throw new DelimitedFormatException(
                $"the line is longer than {_maxLength:N0} characters. A quote that is never closed, or a file that is not text, is the usual cause.",
                _fileName,
                _lineNumber + 1);
        }

        _line.Append(text);
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
