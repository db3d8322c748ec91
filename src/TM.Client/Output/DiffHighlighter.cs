using System.Text;
using Spectre.Console;

namespace TM.Client.Output;

/// <summary>
/// Shows a translator what differs between the sentence they looked up and a match's source, the way CAT tools
/// do in their match window: a longest-common-subsequence diff over <see cref="DiffTokenizer"/> units (Hangul
/// by syllable, Latin by word), shown as <see cref="DiffText"/>.
/// </summary>
internal static class DiffHighlighter
{
    // An LCS table this size is 4 MB of ints; real sentences are far below it (a 300-syllable Korean sentence
    // against another is 90,000 cells). Beyond it the differing middle is shown as one change rather than
    // stalling the client on pasted paragraphs.
    private const long MaxTableCells = 1_000_000;

    // The styles of ToText, spelled as markup for the legend.
    private const string Deleted = "red strikethrough";
    private const string Inserted = "green underline";
    private const string Replaced = "yellow strikethrough";
    private const string Replacement = "yellow underline";

    private static readonly Style DeletedStyle = Style.Parse(Deleted);
    private static readonly Style InsertedStyle = Style.Parse(Inserted);
    private static readonly Style ReplacedStyle = Style.Parse(Replaced);
    private static readonly Style ReplacementStyle = Style.Parse(Replacement);

    /// <summary>
    /// The differences between <paramref name="source"/> (the match's source) and <paramref name="query"/>, in
    /// reading order. Whitespace is kept for display but never counts as a difference.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Diff(string query, string source)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);

        var a = DiffTokenizer.Tokenize(source);
        var b = DiffTokenizer.Tokenize(query);

        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && SameUnit(source, a[prefix], query, b[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix
               && SameUnit(source, a[a.Count - 1 - suffix], query, b[b.Count - 1 - suffix]))
        {
            suffix++;
        }

        var builder = new SegmentBuilder(source, query);
        for (var i = 0; i < prefix; i++)
        {
            builder.Equal(a[i]);
        }

        DiffMiddle(builder, source, a, prefix, a.Count - suffix, query, b, prefix, b.Count - suffix);

        for (var i = a.Count - suffix; i < a.Count; i++)
        {
            builder.Equal(a[i]);
        }

        return builder.Build();
    }

    /// <summary>
    /// <paramref name="segments"/> ready for a table cell: with <paramref name="ansi"/>, deletions struck through in
    /// red, insertions underlined in green and changes in yellow (old struck through, new underlined); without it
    /// (output redirected, colours gone) the same information in wdiff notation, <c>[-old-]{+new+}</c>. Text is
    /// never read as markup, so brackets in sentences are safe; each marked text wraps as one piece (see
    /// <see cref="DiffText"/>).
    /// </summary>
    public static DiffText ToText(IReadOnlyList<DiffSegment> segments, bool ansi)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var text = new DiffText();
        foreach (var segment in segments)
        {
            switch (segment.Kind)
            {
                case DiffKind.Equal:
                    text.Append(segment.Source);
                    break;
                case DiffKind.Deleted:
                    Mark(text, ansi, segment.Source, DeletedStyle, "[-", "-]");
                    break;
                case DiffKind.Inserted:
                    Mark(text, ansi, segment.Query, InsertedStyle, "{+", "+}");
                    break;
                case DiffKind.Changed:
                    Mark(text, ansi, segment.Source, ReplacedStyle, "[-", "-]");
                    Mark(text, ansi, segment.Query, ReplacementStyle, "{+", "+}");
                    break;
            }
        }

        return text;
    }

    /// <summary>A one-line key to the notation <see cref="ToText"/> uses.</summary>
    public static string LegendMarkup(bool ansi) => ansi
        ? $"[{Deleted}]only in the memory[/]  [{Inserted}]only in your sentence[/]  [{Replaced}]old[/][{Replacement}]new[/] replaced"
        : Markup.Escape("[-x-] only in the memory, {+x+} only in your sentence");

    /// <summary>True when <paramref name="segments"/> has anything but <see cref="DiffKind.Equal"/> stretches.</summary>
    public static bool HasDifferences(IReadOnlyList<DiffSegment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Kind != DiffKind.Equal)
            {
                return true;
            }
        }

        return false;
    }

    // With colours the style carries the meaning; without them, the wdiff markers do.
    private static void Mark(DiffText text, bool ansi, string marked, Style style, string open, string close) =>
        text.AppendMarked(ansi ? marked : open + marked + close, ansi ? style : Style.Plain);

    private static bool SameUnit(string aText, DiffUnit a, string bText, DiffUnit b) => a.Of(aText).SequenceEqual(b.Of(bText));

    private static void DiffMiddle(
        SegmentBuilder builder,
        string source, List<DiffUnit> a, int aStart, int aEnd,
        string query, List<DiffUnit> b, int bStart, int bEnd)
    {
        var n = aEnd - aStart;
        var m = bEnd - bStart;
        if (n == 0 && m == 0)
        {
            return;
        }

        if (n == 0 || m == 0 || (long)(n + 1) * (m + 1) > MaxTableCells)
        {
            for (var i = aStart; i < aEnd; i++)
            {
                builder.Delete(a[i]);
            }

            for (var j = bStart; j < bEnd; j++)
            {
                builder.Insert(b[j]);
            }

            return;
        }

        // lcs[i, j] = length of the LCS of a[aStart + i ..] and b[bStart + j ..]; filled backwards so the walk
        // below can go forwards and emit the edit script in reading order.
        var width = m + 1;
        var lcs = new int[(n + 1) * width];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[(i * width) + j] = SameUnit(source, a[aStart + i], query, b[bStart + j])
                    ? lcs[((i + 1) * width) + j + 1] + 1
                    : Math.Max(lcs[((i + 1) * width) + j], lcs[(i * width) + j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (SameUnit(source, a[aStart + x], query, b[bStart + y]))
            {
                builder.Equal(a[aStart + x]);
                x++;
                y++;
            }
            else if (lcs[((x + 1) * width) + y] >= lcs[(x * width) + y + 1])
            {
                builder.Delete(a[aStart + x]);
                x++;
            }
            else
            {
                builder.Insert(b[bStart + y]);
                y++;
            }
        }

        for (; x < n; x++)
        {
            builder.Delete(a[aStart + x]);
        }

        for (; y < m; y++)
        {
            builder.Insert(b[bStart + y]);
        }
    }

    /// <summary>
    /// Turns the unit-level edit script into display segments: runs of equal units merge, and a run of deletions
    /// and insertions between two equal units becomes one Deleted, Inserted or Changed segment. The whitespace in
    /// front of a highlighted run stays outside the highlight, so no underlined blanks appear.
    /// </summary>
    private sealed class SegmentBuilder(string source, string query)
    {
        private readonly List<DiffSegment> _segments = [];
        private readonly StringBuilder _equal = new();
        private readonly StringBuilder _deleted = new();
        private readonly StringBuilder _inserted = new();
        private string _pendingGap = "";

        public void Equal(DiffUnit unit)
        {
            FlushChange();
            _equal.Append(unit.GapOf(source)).Append(unit.Of(source));
        }

        public void Delete(DiffUnit unit) => AppendChange(_deleted, source, unit);

        public void Insert(DiffUnit unit) => AppendChange(_inserted, query, unit);

        public IReadOnlyList<DiffSegment> Build()
        {
            FlushChange();
            FlushEqual();
            return _segments;
        }

        private void AppendChange(StringBuilder side, string text, DiffUnit unit)
        {
            if (_deleted.Length == 0 && _inserted.Length == 0)
            {
                // First unit of a change: its leading whitespace is the boundary with the text before.
                _pendingGap = unit.GapOf(text).ToString();
            }
            else if (side.Length > 0)
            {
                side.Append(unit.GapOf(text));
            }

            side.Append(unit.Of(text));
        }

        private void FlushChange()
        {
            if (_deleted.Length == 0 && _inserted.Length == 0)
            {
                return;
            }

            _equal.Append(_pendingGap);
            FlushEqual();
            var deleted = _deleted.ToString();
            var inserted = _inserted.ToString();
            var kind = deleted.Length == 0 ? DiffKind.Inserted : inserted.Length == 0 ? DiffKind.Deleted : DiffKind.Changed;
            _segments.Add(new DiffSegment(kind, deleted, inserted));
            _deleted.Clear();
            _inserted.Clear();
            _pendingGap = "";
        }

        private void FlushEqual()
        {
            if (_equal.Length == 0)
            {
                return;
            }

            var text = _equal.ToString();
            _segments.Add(new DiffSegment(DiffKind.Equal, text, text));
            _equal.Clear();
        }
    }
}
