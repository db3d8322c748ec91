namespace TM.Server.Web;

/// <summary>
/// Where a match's source differs from the text looked up, word by word, for the lookup page to highlight: a longest
/// common subsequence of tokens (runs of letters or digits, each other character on its own), so a changed particle or
/// number shows as one deleted and one inserted word.
/// </summary>
public static class TextDiff
{
    /// <summary>
    /// The most token pairs compared (the LCS table's cells): two sentences of 1,000 tokens each, ~1 MB of shorts.
    /// Longer texts are shown without highlighting rather than holding more per lookup.
    /// </summary>
    public const int MaxCells = 1_000_000;

    /// <summary>
    /// The parts of <paramref name="query"/> and <paramref name="source"/> in reading order: common text, text only the
    /// query has (<see cref="DiffKind.Deleted"/>) and text only the source has (<see cref="DiffKind.Inserted"/>).
    /// One <see cref="DiffKind.Same"/> part of the source when the texts are too long to compare.
    /// </summary>
    public static IReadOnlyList<DiffPart> Compare(string query, string source)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        var a = Tokens(query);
        var b = Tokens(source);
        if ((long)a.Count * b.Count > MaxCells)
            return [new DiffPart(source, DiffKind.Same)];
        // lengths[i, j]: the LCS of a[i..] and b[j..].
        var lengths = new ushort[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j]
                    ? (ushort)(lengths[i + 1, j + 1] + 1)
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                Add(parts, a[x], DiffKind.Same);
                x++;
                y++;
            }
            else if (x < a.Count && (y == b.Count || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                // What the query had comes before what replaced it, as diffs read.
                Add(parts, a[x++], DiffKind.Deleted);
            }
            else
            {
                Add(parts, b[y++], DiffKind.Inserted);
            }
        }
        return parts;
    }

    private static void Add(List<DiffPart> parts, string text, DiffKind kind)
    {
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            var last = parts[^1];
            parts[^1] = last with { Text = last.Text + text };
            return;
        }
        parts.Add(new DiffPart(text, kind));
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start + 1;
            if (char.IsLetterOrDigit(text[start]))
            {
                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                    end++;
            }
            else if (char.IsWhiteSpace(text[start]))
            {
                while (end < text.Length && char.IsWhiteSpace(text[end]))
                    end++;
            }
            tokens.Add(text[start..end]);
            start = end;
        }
        return tokens;
    }
}
