using System.Globalization;
using System.Text;

namespace TM.Benchmarks;

/// <summary>
/// Reads a gettext <c>.po</c> catalog (as <c>msgunfmt</c> or a translator's editor writes it): <c>msgctxt</c>,
/// <c>msgid</c>, <c>msgid_plural</c>, <c>msgstr</c> and <c>msgstr[n]</c>, each a C string literal that may continue
/// on following lines; C escapes (<c>\n \t \" \\</c>, octal, <c>\x</c>) decoded. Comments are skipped except the
/// <c>#,</c> flags (a fuzzy entry is left out) and <c>#~</c> (an obsolete entry is left out); the header entry and
/// untranslated entries are left out too and counted in the <see cref="PoCatalog"/>.
/// </summary>
/// <remarks>A line that fits none of that is an <see cref="InvalidDataException"/> naming the file and the line.</remarks>
internal sealed class PoCatalogReader
{
    private readonly string _name;
    private readonly List<PoEntry> _entries = [];
    private int _fuzzy;
    private int _untranslated;
    private int _obsolete;
    private bool _header;

    // The entry being read.
    private string? _context;
    private string? _id;
    private string? _idPlural;
    private readonly SortedDictionary<int, string> _translations = [];
    private int _idLine;
    private bool _isFuzzy;
    private bool _isObsolete;

    // The keyword whose string a continuation line extends: "msgctxt", "msgid", "msgid_plural", or "msgstr" with _pluralIndex.
    private string? _field;
    private int _pluralIndex;
    private int _lineNumber;

    private PoCatalogReader(string name) => _name = name;

    public static PoCatalog Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path));
    }

    /// <param name="reader">The catalog's text. LibreOffice's catalogs are UTF-8, as their header says; other charsets are not handled.</param>
    /// <param name="name">The catalog's name, for messages.</param>
    public static PoCatalog Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new PoCatalogReader(name);
        while (reader.ReadLine() is { } line)
            state.ReadLine(line);
        state.EndEntry();
        return new PoCatalog(name, state._entries, state._fuzzy, state._untranslated, state._obsolete, state._header);
    }

    private void ReadLine(string raw)
    {
        _lineNumber++;
        var line = raw.AsSpan().Trim();
        if (line.IsEmpty)
        {
            EndEntry();
            return;
        }
        if (line[0] == '#')
        {
            // A comment after a msgstr belongs to the next entry: the current one is complete.
            if (_translations.Count > 0)
                EndEntry();
            if (line.StartsWith("#,"))
                _isFuzzy |= ContainsFlag(line[2..], "fuzzy");
            else if (line.StartsWith("#~"))
                _isObsolete = true;
            return;
        }
        if (line[0] == '"')
        {
            if (_field is null)
                throw Error("a string continues no msgid or msgstr");
            Append(Unquote(line));
            return;
        }

        var space = line.IndexOfAny(' ', '\t');
        if (space < 0)
            throw Error($"expected a keyword and a string, found '{line}'");
        var keyword = line[..space].ToString();
        var value = Unquote(line[(space + 1)..].TrimStart());
        switch (keyword)
        {
            case "msgctxt":
                StartEntryIfComplete();
                if (_id is not null)
                    throw Error("msgctxt after msgid");
                _context = value;
                _field = keyword;
                break;
            case "msgid":
                StartEntryIfComplete();
                if (_id is not null)
                    throw Error("a second msgid before any msgstr");
                _id = value;
                _idLine = _lineNumber;
                _field = keyword;
                break;
            case "msgid_plural":
                if (_id is null || _translations.Count > 0)
                    throw Error("msgid_plural must follow msgid");
                _idPlural = value;
                _field = keyword;
                break;
            case "msgstr":
                if (_id is null)
                    throw Error("msgstr without msgid");
                SetTranslation(0, value);
                break;
            default:
                if (!keyword.StartsWith("msgstr[", StringComparison.Ordinal) || !keyword.EndsWith(']')
                    || !int.TryParse(keyword.AsSpan(7, keyword.Length - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 100)
                    throw Error($"unknown keyword '{keyword}'");
                if (_id is null || _idPlural is null)
                    throw Error($"{keyword} without msgid and msgid_plural");
                SetTranslation(index, value);
                break;
        }
    }

    private void SetTranslation(int index, string value)
    {
        if (!_translations.TryAdd(index, value))
            throw Error($"msgstr[{index}] given twice");
        _field = "msgstr";
        _pluralIndex = index;
    }

    private void Append(string value)
    {
        switch (_field)
        {
            case "msgctxt":
                _context += value;
                break;
            case "msgid":
                _id += value;
                break;
            case "msgid_plural":
                _idPlural += value;
                break;
            default:
                _translations[_pluralIndex] += value;
                break;
        }
    }

    private void StartEntryIfComplete()
    {
        if (_translations.Count > 0)
            EndEntry();
    }

    private void EndEntry()
    {
        try
        {
            if (_isObsolete)
            {
                _obsolete++;
                return;
            }
            if (_id is null)
            {
                if (_context is not null)
                    throw Error("msgctxt without msgid");
                return; // only comments
            }
            if (_translations.Count == 0)
                throw Error($"the entry of line {_idLine} has no msgstr");
            if (_idPlural is not null && (_translations.Keys.First() != 0 || _translations.Keys.Last() != _translations.Count - 1))
                throw Error($"the plural entry of line {_idLine} does not number its msgstr[n] from 0 without gaps");

            if (_id.Length == 0 && _context is null)
                _header = true;
            else if (_isFuzzy)
                _fuzzy++;
            else if (_translations[0].Length == 0)
                _untranslated++;
            else
                _entries.Add(new PoEntry(_context, _id, _idPlural, [.. _translations.Values], _idLine));
        }
        finally
        {
            _context = _id = _idPlural = _field = null;
            _translations.Clear();
            _isFuzzy = _isObsolete = false;
        }
    }

    private string Unquote(ReadOnlySpan<char> literal)
    {
        literal = literal.TrimEnd();
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"')
            throw Error($"expected a string in double quotes, found '{literal}'");
        var body = literal[1..^1];
        if (body.IndexOf('\\') < 0)
        {
            if (body.Contains('"'))
                throw Error("an unescaped '\"' inside a string");
            return body.ToString();
        }

        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"')
                throw Error("an unescaped '\"' inside a string");
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }
            if (++i == body.Length)
                throw Error("a string ends in a lone backslash");
            switch (body[i])
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'a': text.Append('\a'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'v': text.Append('\v'); break;
                case '\\' or '"' or '\'' or '?': text.Append(body[i]); break;
                case >= '0' and <= '7':
                    {
                        // Up to three octal digits: a byte, which in a UTF-8 catalog is ASCII in practice.
                        var value = 0;
                        var digits = 0;
                        for (; digits < 3 && i < body.Length && body[i] is >= '0' and <= '7'; digits++, i++)
                            value = value * 8 + (body[i] - '0');
                        i--;
                        text.Append((char)value);
                        break;
                    }
                case 'x':
                    {
                        var start = i + 1;
                        var end = start;
                        while (end < body.Length && end - start < 2 && char.IsAsciiHexDigit(body[end]))
                            end++;
                        if (end == start)
                            throw Error("\\x without hex digits");
                        text.Append((char)int.Parse(body[start..end], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                        i = end - 1;
                        break;
                    }
                default:
                    throw Error($"unknown escape '\\{body[i]}'");
            }
        }
        return text.ToString();
    }

    private static bool ContainsFlag(ReadOnlySpan<char> flags, string flag)
    {
        foreach (var range in flags.Split(','))
        {
            if (flags[range].Trim().SequenceEqual(flag))
                return true;
        }
        return false;
    }

    private InvalidDataException Error(string message) => new($"{_name}, line {_lineNumber}: {message}.");
}
