using System.Text;

namespace TM.Interchange.Internal;

/// <summary>
/// Splits a TSV or CSV text into records of fields by the rules documented on <see cref="DelimitedFormat"/>; a
/// quoted field may span lines, so a record is numbered by the line it starts on. Blank lines are skipped.
/// </summary>
internal sealed class DelimitedRecordReader
{
    private readonly BoundedLineReader _lines;
    private readonly char _separator;
    private readonly bool _strictQuotes;
    private readonly int _maxFieldLength;
    private readonly string? _fileName;
    private readonly StringBuilder _field = new();
    private readonly List<(string Text, int Number)> _pulled = [];

    public DelimitedRecordReader(TextReader reader, DelimitedFormat format, int maxFieldLength, string? fileName)
    {
        // A line holds all the fields of a record; four fields of the maximum length is generous for two languages plus extra columns.
        _lines = new BoundedLineReader(reader, checked(maxFieldLength * 4), fileName);
        _separator = format == DelimitedFormat.Csv ? ',' : '\t';
        _strictQuotes = format == DelimitedFormat.Csv;
        _maxFieldLength = maxFieldLength;
        _fileName = fileName;
    }

    public bool TryRead(List<string> fields, out int firstLine)
    {
        fields.Clear();
        string line;
        do
        {
            if (!_lines.TryRead(out line, out firstLine))
            {
                return false;
            }
        }
        while (line.Length == 0);

        int number = firstLine;
        int position = 0;
        while (true)
        {
            if (position < line.Length && line[position] == '"' && TryReadQuoted(ref line, ref number, position, out string value, out int next))
            {
                fields.Add(value);
                if (next < 0)
                {
                    return true;
                }

                position = next;
                continue;
            }

            int end = line.IndexOf(_separator, position);
            string field = end < 0 ? line[position..] : line[position..end];
            if (field.Length > _maxFieldLength)
            {
                throw TooLong(number);
            }

            fields.Add(field);
            if (end < 0)
            {
                return true;
            }

            position = end + 1;
        }
    }

    /// <summary>
    /// Reads the quoted field that starts at <paramref name="start"/>, pulling more lines while it is open. On
    /// success, <paramref name="line"/> is the line it ends on and <paramref name="next"/> the position after its
    /// separator, or -1 when the record ends. On failure (TSV only: CSV throws) the pulled lines are pushed back.
    /// </summary>
    private bool TryReadQuoted(ref string line, ref int number, int start, out string value, out int next)
    {
        _field.Clear();
        _pulled.Clear();
        string current = line;
        int currentNumber = number;
        int i = start + 1;
        while (true)
        {
            int quote = current.IndexOf('"', i);
            if (quote < 0)
            {
                _field.Append(current, i, current.Length - i).Append('\n');
                if (_field.Length > _maxFieldLength)
                {
                    return _strictQuotes ? throw TooLong(number) : Fallback(out value, out next);
                }

                if (!_lines.TryRead(out current, out currentNumber))
                {
                    return _strictQuotes
                        ? throw new DelimitedFormatException(
                            "the quoted field that starts here is never closed: the file ends inside it. Close it with a quote, or double the quotes (\"\") that belong to the text.",
                            _fileName,
                            number,
                            start + 1)
                        : Fallback(out value, out next);
                }

                _pulled.Add((current, currentNumber));
                i = 0;
                continue;
            }

            _field.Append(current, i, quote - i);
            if (quote + 1 < current.Length && current[quote + 1] == '"')
            {
                _field.Append('"');
                i = quote + 2;
                continue;
            }

            int after = quote + 1;
            if (after < current.Length && current[after] != _separator)
            {
                return _strictQuotes
                    ? throw new DelimitedFormatException(
                        $"'{current[after]}' follows the closing quote of a field; in CSV a quoted field ends right before a comma or the end of the line. " +
                        "Write a quote inside a quoted field as two quotes (\"\").",
                        _fileName,
                        currentNumber,
                        after + 1)
                    : Fallback(out value, out next);
            }

            if (_field.Length > _maxFieldLength)
            {
                throw TooLong(number);
            }

            value = _field.ToString();
            next = after < current.Length ? after + 1 : -1;
            line = current;
            number = currentNumber;
            return true;
        }
    }

    private bool Fallback(out string value, out int next)
    {
        for (int i = _pulled.Count - 1; i >= 0; i--)
        {
            _lines.PushBack(_pulled[i].Text, _pulled[i].Number);
        }

        value = "";
        next = 0;
        return false;
    }

    private DelimitedFormatException TooLong(int line) =>
        new($"a field is longer than {_maxFieldLength:N0} characters, the limit for one segment. A quote that is never closed is the usual cause.", _fileName, line);
}
