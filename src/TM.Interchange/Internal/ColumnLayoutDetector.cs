using System.Globalization;

namespace TM.Interchange.Internal;

/// <summary>
/// Finds the header row and the Korean and English columns of a delimited file: from the header's labels where
/// it has them, else from the script of the first records (Hangul for Korean, Latin letters for English).
/// </summary>
internal static class ColumnLayoutDetector
{
    private enum Label
    {
        None,
        Korean,
        English,
        Role, // source or target, language unsaid
    }

    private static readonly HashSet<string> s_korean = new(StringComparer.Ordinal) { "ko", "kor", "korean", "한국어", "한글", "국문", "국어" };
    private static readonly HashSet<string> s_english = new(StringComparer.Ordinal) { "en", "eng", "english", "영어", "영문" };
    private static readonly HashSet<string> s_roles = new(StringComparer.Ordinal)
    {
        "source", "src", "target", "tgt", "trg", "translation", "원문", "원본", "번역", "번역문",
    };

    public static DelimitedLayout Detect(
        IReadOnlyList<string> first,
        int firstLine,
        IReadOnlyList<(string[] Fields, int Line)> sample,
        DelimitedReadOptions options,
        string? fileName)
    {
        Label[] labels = first.Select(Classify).ToArray();
        bool hasHeader = options.HasHeader ?? labels.Count(l => l != Label.None) >= 2;
        int? korean = options.KoreanColumn;
        int? english = options.EnglishColumn;
        // Unlabelled columns of a header row (id, note) are not text columns, unless no column is labelled at all.
        bool anyLabel = labels.Any(l => l != Label.None);
        var candidates = new List<int>();
        for (int i = 0; i < first.Count; i++)
        {
            if (!hasHeader || !anyLabel || labels[i] != Label.None)
            {
                candidates.Add(i);
            }
        }

        if (hasHeader)
        {
            korean ??= IndexOf(labels, Label.Korean);
            english ??= IndexOf(labels, Label.English);
        }

        if (korean is null || english is null)
        {
            // The first record is data too when it is not a header.
            IEnumerable<string[]> data = sample.Select(s => s.Fields);
            if (!hasHeader)
            {
                data = data.Prepend([.. first]);
            }

            (long[] hangul, long[] latin) = CountScripts(data, first.Count);
            korean ??= Best(hangul, candidates, exclude: english);
            if (korean is null)
            {
                throw new DelimitedFormatException(
                    $"cannot tell which column is Korean: none of the first {sample.Count + 1} records has Hangul in {(hasHeader ? "a labelled column" : "any column")}. " +
                    "Add a header row such as \"ko<TAB>en\" (or \"ko,en\"), or set KoreanColumn and EnglishColumn.",
                    fileName,
                    firstLine);
            }

            english ??= Best(latin, candidates, exclude: korean)
                ?? (candidates.Count == 2 ? candidates.First(c => c != korean) : null);
            if (english is null)
            {
                throw new DelimitedFormatException(
                    "cannot tell which column is English: no other column holds Latin letters. Add a header row such as \"ko<TAB>en\", or set KoreanColumn and EnglishColumn.",
                    fileName,
                    firstLine);
            }
        }

        if (korean == english)
        {
            throw new DelimitedFormatException(
                string.Create(CultureInfo.InvariantCulture, $"Korean and English cannot both be column {korean + 1}; name them apart in the header or set KoreanColumn and EnglishColumn."),
                fileName,
                firstLine);
        }

        return new DelimitedLayout(hasHeader, korean.Value, english.Value);
    }

    public static bool IsHangul(char c) =>
        c is (>= '\uAC00' and <= '\uD7A3') // precomposed syllables
            or (>= '\u1100' and <= '\u11FF') // conjoining jamo
            or (>= '\u3130' and <= '\u318F'); // compatibility jamo

    private static Label Classify(string cell)
    {
        // A label is a word or two ("Korean", "source (ko-KR)"), never a sentence.
        if (cell.Length is 0 or > 40)
        {
            return Label.None;
        }

        Label found = Label.None;
        foreach (string token in Tokens(cell))
        {
            if (s_korean.Contains(token))
            {
                return Label.Korean;
            }

            if (s_english.Contains(token))
            {
                return Label.English;
            }

            if (s_roles.Contains(token))
            {
                found = Label.Role;
            }
            else
            {
                return Label.None;
            }
        }

        return found;
    }

    private static IEnumerable<string> Tokens(string cell)
    {
        int start = -1;
        for (int i = 0; i <= cell.Length; i++)
        {
            bool word = i < cell.Length && char.IsLetterOrDigit(cell[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                string token = cell[start..i].ToLowerInvariant();
                start = -1;
                // Region subtags (KR, US, GB) and "text"/"column" decorate a label without changing it.
                if (token is not ("kr" or "us" or "gb" or "uk" or "text" or "column" or "lang" or "language"))
                {
                    yield return token;
                }
            }
        }
    }

    private static int? IndexOf(Label[] labels, Label wanted)
    {
        int index = Array.IndexOf(labels, wanted);
        return index < 0 ? null : index;
    }

    private static (long[] Hangul, long[] Latin) CountScripts(IEnumerable<string[]> records, int columns)
    {
        var hangul = new long[columns];
        var latin = new long[columns];
        foreach (string[] fields in records)
        {
            for (int i = 0; i < Math.Min(columns, fields.Length); i++)
            {
                foreach (char c in fields[i])
                {
                    if (IsHangul(c))
                    {
                        hangul[i]++;
                    }
                    else if (char.IsAsciiLetter(c))
                    {
                        latin[i]++;
                    }
                }
            }
        }

        return (hangul, latin);
    }

    private static int? Best(long[] counts, List<int> candidates, int? exclude)
    {
        int? best = null;
        foreach (int column in candidates)
        {
            if (column != exclude && counts[column] > 0 && (best is null || counts[column] > counts[best.Value]))
            {
                best = column;
            }
        }

        return best;
    }
}
