namespace TM.Client.Input;

/// <summary>
/// Reads aligned pairs from tab-separated text: one pair per line, exactly one tab. Fields are taken literally
/// (the IANA text/tab-separated-values form, no quoting): quotation marks are ordinary characters in sentences,
/// and un-quoting <c>"Stop."</c> would silently change a segment.
/// </summary>
/// <remarks>
/// Column order comes from an optional first line <c>ko&lt;TAB&gt;en</c> or <c>en&lt;TAB&gt;ko</c> (language tags
/// such as <c>ko-KR</c> count too); without one, the column with Hangul on most lines is the Korean one.
/// </remarks>
internal static class TsvPairReader
{
    /// <summary>
    /// True when <paramref name="text"/> should be read as TSV: the file is named <c>*.tsv</c>, or it has at least
    /// one non-empty line and every non-empty line has exactly one tab (a parallel document has none).
    /// </summary>
    public static bool LooksLikeTsv(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var anyLine = false;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            if (rawLine.IsWhiteSpace())
            {
                continue;
            }

            if (rawLine.Count('\t') != 1)
            {
                return false;
            }

            anyLine = true;
        }

        return anyLine;
    }

    /// <summary>Reads the pairs of <paramref name="text"/>; bad lines are reported in the result, not thrown.</summary>
    /// <exception cref="InputFileException">No column order can be told (no header and no Hangul anywhere).</exception>
    public static TsvDocument Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<(int Line, string First, string Second)>();
        var errors = new List<TsvLineError>();
        bool? koreanFirst = null;
        var hasHeader = false;
        var lineNumber = 0;
        var seenContent = false;

        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
            if (lineNumber == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (!seenContent)
            {
                seenContent = true;
                if (fields.Length == 2 && HeaderOrder(fields[0], fields[1]) is { } order)
                {
                    koreanFirst = order;
                    hasHeader = true;
                    continue;
                }
            }

            if (fields.Length != 2)
            {
                errors.Add(new TsvLineError(lineNumber, fields.Length == 1
                    ? "no tab: expected a Korean and an English column separated by one tab."
                    : $"{fields.Length} tab-separated fields, expected 2."));
                continue;
            }

            var first = fields[0].Trim();
            var second = fields[1].Trim();
            if (first.Length == 0 || second.Length == 0)
            {
                errors.Add(new TsvLineError(lineNumber, $"the {(first.Length == 0 ? "first" : "second")} column is empty."));
                continue;
            }

            rows.Add((lineNumber, first, second));
        }

        koreanFirst ??= DetectKoreanFirst(rows) ?? throw new InputFileException(path, 0,
            "cannot tell which column is Korean: no line has Hangul. Add a header line `ko<TAB>en` or `en<TAB>ko`.");

        var pairs = new List<TsvPair>(rows.Count);
        foreach (var (line, first, second) in rows)
        {
            var (ko, en) = koreanFirst.Value ? (first, second) : (second, first);
            if (HangulCount(ko) == 0 && HangulCount(en) > 0)
            {
                // One swapped line in a file is a slip; storing it would put English in the Korean index.
                errors.Add(new TsvLineError(line, $"the Korean text seems to be in the {(koreanFirst.Value ? "second" : "first")} column, unlike the rest of the file."));
                continue;
            }

            pairs.Add(new TsvPair(ko, en, line));
        }

        errors.Sort((x, y) => x.Line.CompareTo(y.Line));
        return new TsvDocument(pairs, errors, koreanFirst.Value, hasHeader);
    }

    /// <summary>True (Korean first), false (English first), or null when the two fields are not a language header.</summary>
    private static bool? HeaderOrder(string first, string second)
    {
        var a = LanguageOf(first);
        var b = LanguageOf(second);
        return (a, b) switch
        {
            ("ko", "en") => true,
            ("en", "ko") => false,
            _ => null,
        };
    }

    private static string? LanguageOf(string field)
    {
        var tag = field.Trim();
        foreach (var language in (ReadOnlySpan<string>)["ko", "en"])
        {
            if (tag.Equals(language, StringComparison.OrdinalIgnoreCase)
                || (tag.Length > 3 && tag.StartsWith(language, StringComparison.OrdinalIgnoreCase) && tag[2] is '-' or '_'))
            {
                return language;
            }
        }

        return null;
    }

    private static bool? DetectKoreanFirst(List<(int Line, string First, string Second)> rows)
    {
        int firstVotes = 0, secondVotes = 0;
        foreach (var (_, first, second) in rows)
        {
            var a = HangulCount(first);
            var b = HangulCount(second);
            if (a > b)
            {
                firstVotes++;
            }
            else if (b > a)
            {
                secondVotes++;
            }
        }

        return firstVotes == 0 && secondVotes == 0 ? null : firstVotes >= secondVotes;
    }

    private static int HangulCount(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                count++;
            }
        }

        return count;
    }
}
