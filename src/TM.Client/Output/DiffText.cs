using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TM.Client.Output;

/// <summary>
/// A match's source with its differences marked (built by <see cref="DiffHighlighter.ToText"/>), for a table cell.
/// It wraps between words like any cell, but keeps each marked span, markers included, on one line whenever the
/// span fits on a line at all, and never parts a marker from the text it opens or closes.
/// </summary>
/// <remarks>
/// Spectre's own wrapping (Markup, Paragraph) breaks at whitespace and also wherever one piece of markup ends and
/// the next begins: at every change of style, and after every escaped <c>[</c>, which its parser hands over as a
/// text of its own. So <c>[-began-]</c> came apart as <c>[</c> at the end of one line and <c>-began-]</c> at the
/// start of the next, a highlighted syllable could be cut off the rest of its word, and a word wider than the
/// column was chopped in the middle of a marker. Here a line breaks, in order of preference:
/// at whitespace outside marked spans; then, only for a stretch wider than the whole line, between two marked
/// spans (the old and the new text of a change) or between a span and the text glued to it; then at whitespace
/// inside a span; and last between any two characters, for a single word wider than the column. The fallbacks are
/// needed because a table shares its width out by the columns' widest lines, not their widest words, so a column
/// can be narrower than a long change. Lines are left-aligned; justification is not applied.
/// </remarks>
internal sealed class DiffText : Renderable
{
    private readonly List<Atom> _atoms = [];
    private int _spans;

    /// <summary>Appends unmarked text (what the match's source and the sentence have in common).</summary>
    public void Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Append(text, Style.Plain, span: -1);
    }

    /// <summary>
    /// Appends one marked span: <paramref name="text"/>, markers included, in <paramref name="style"/>. Spans
    /// appended one after another (the old and the new text of a change) stay separate spans.
    /// </summary>
    public void AppendMarked(string text, Style style)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        if (text.Length > 0)
        {
            Append(text, style, _spans++);
        }
    }

    /// <inheritdoc />
    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        // At least the widest word, marked spans whole; at most the longest line unwrapped.
        var widest = 0;
        foreach (var piece in Pieces(0, _atoms.Count, Breaks.BetweenWords))
        {
            if (piece.Kind == PieceKind.Text)
            {
                widest = Math.Max(widest, Width(piece.Start, piece.End));
            }
        }

        var longestLine = 0;
        var line = 0;
        foreach (var atom in _atoms)
        {
            line = atom.IsLineBreak ? 0 : line + atom.Width;
            longestLine = Math.Max(longestLine, line);
        }

        return new Measurement(Math.Min(widest, maxWidth), Math.Min(longestLine, maxWidth));
    }

    /// <inheritdoc />
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new LineBuilder(_atoms, Math.Max(1, maxWidth));
        Layout(lines, 0, _atoms.Count, Breaks.BetweenWords);
        return lines.ToSegments();
    }

    private void Append(string text, Style style, int span)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (element is "\n" or "\r\n")
            {
                _atoms.Add(new Atom("", style, 0, span, IsSpace: false, IsLineBreak: true));
            }
            else if (element.Length == 1 && char.IsWhiteSpace(element[0]))
            {
                // A tab has no width of its own in a table cell; it reads as the space it separates words with.
                var space = element == "\t" ? " " : element;
                _atoms.Add(new Atom(space, style, space.GetCellWidth(), span, IsSpace: true, IsLineBreak: false));
            }
            else if (element != "\r")
            {
                _atoms.Add(new Atom(element, style, element.GetCellWidth(), span, IsSpace: false, IsLineBreak: false));
            }
        }
    }

    /// <summary>
    /// Puts atoms <paramref name="start"/> to <paramref name="end"/> on lines, breaking only where
    /// <paramref name="breaks"/> allows; a stretch wider than a whole line is laid out again with the next, less
    /// preferred kind of break.
    /// </summary>
    private void Layout(LineBuilder lines, int start, int end, Breaks breaks)
    {
        foreach (var piece in Pieces(start, end, breaks))
        {
            switch (piece.Kind)
            {
                case PieceKind.LineBreak:
                    lines.Break();
                    break;
                case PieceKind.Space:
                    lines.Space(piece.Start, piece.End);
                    break;
                default:
                    var width = Width(piece.Start, piece.End);
                    if (lines.Fits(width))
                    {
                        lines.Add(piece.Start, piece.End);
                    }
                    else if (width <= lines.MaxWidth || breaks == Breaks.Anywhere)
                    {
                        // Only a character wider than the column itself (a Hangul syllable in one cell) lands here
                        // on an empty line; it is written anyway, as Spectre would.
                        if (!lines.IsLineEmpty)
                        {
                            lines.Break();
                        }

                        lines.Add(piece.Start, piece.End);
                    }
                    else
                    {
                        Layout(lines, piece.Start, piece.End, breaks + 1);
                    }

                    break;
            }
        }
    }

    /// <summary>Atoms <paramref name="start"/> to <paramref name="end"/> cut where <paramref name="breaks"/> allows.</summary>
    private IEnumerable<Piece> Pieces(int start, int end, Breaks breaks)
    {
        var i = start;
        while (i < end)
        {
            var atom = _atoms[i];
            if (atom.IsLineBreak)
            {
                yield return new Piece(i, i + 1, PieceKind.LineBreak);
                i++;
                continue;
            }

            var pieceStart = i;
            if (IsSeparator(atom, breaks))
            {
                while (i < end && !_atoms[i].IsLineBreak && IsSeparator(_atoms[i], breaks))
                {
                    i++;
                }

                yield return new Piece(pieceStart, i, PieceKind.Space);
                continue;
            }

            i++;
            while (i < end && !_atoms[i].IsLineBreak && !IsSeparator(_atoms[i], breaks) && !IsCut(_atoms[i - 1], _atoms[i], breaks))
            {
                i++;
            }

            yield return new Piece(pieceStart, i, PieceKind.Text);
        }
    }

    // Whitespace that separates pieces: outside spans first, inside them once a span has to be broken.
    private static bool IsSeparator(Atom atom, Breaks breaks) =>
        atom.IsSpace && (atom.Span < 0 || breaks >= Breaks.InsideSpans);

    // A break between two characters with no whitespace between them.
    private static bool IsCut(Atom before, Atom after, Breaks breaks) => breaks switch
    {
        Breaks.BetweenSpans => before.Span != after.Span,
        Breaks.Anywhere => true,
        _ => false,
    };

    private int Width(int start, int end)
    {
        var width = 0;
        for (var i = start; i < end; i++)
        {
            width += _atoms[i].Width;
        }

        return width;
    }

    /// <summary>Where a line may break, from the most to the least preferred; each includes those before it.</summary>
    private enum Breaks
    {
        BetweenWords,
        BetweenSpans,
        InsideSpans,
        Anywhere,
    }

    private enum PieceKind
    {
        Text,
        Space,
        LineBreak,
    }

    /// <summary>One text element (a character as the reader sees it) with its style, width in cells and span (-1 outside spans).</summary>
    private readonly record struct Atom(string Text, Style Style, int Width, int Span, bool IsSpace, bool IsLineBreak);

    private readonly record struct Piece(int Start, int End, PieceKind Kind);

    /// <summary>Fills lines left to right; whitespace is written only between two pieces on the same line.</summary>
    private sealed class LineBuilder(List<Atom> atoms, int maxWidth)
    {
        private readonly List<List<Atom>> _lines = [[]];
        private int _width;
        private (int Start, int End) _space;

        public int MaxWidth => maxWidth;

        public bool IsLineEmpty => _lines[^1].Count == 0;

        public bool Fits(int width) => _width + (IsLineEmpty ? 0 : SpaceWidth()) + width <= maxWidth;

        public void Space(int start, int end) => _space = (start, end);

        public void Add(int start, int end)
        {
            var line = _lines[^1];
            if (line.Count > 0)
            {
                AddRange(line, _space.Start, _space.End);
            }

            AddRange(line, start, end);
            _space = default;
        }

        public void Break()
        {
            _lines.Add([]);
            _width = 0;
            _space = default;
        }

        public List<Segment> ToSegments()
        {
            var segments = new List<Segment>();
            var text = new StringBuilder();
            for (var i = 0; i < _lines.Count; i++)
            {
                if (i > 0)
                {
                    segments.Add(Segment.LineBreak);
                }

                var line = _lines[i];
                for (var j = 0; j < line.Count; j++)
                {
                    text.Append(line[j].Text);
                    if (j == line.Count - 1 || !line[j + 1].Style.Equals(line[j].Style))
                    {
                        segments.Add(new Segment(text.ToString(), line[j].Style));
                        text.Clear();
                    }
                }
            }

            return segments;
        }

        private int SpaceWidth()
        {
            var width = 0;
            for (var i = _space.Start; i < _space.End; i++)
            {
                width += atoms[i].Width;
            }

            return width;
        }

        private void AddRange(List<Atom> line, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                line.Add(atoms[i]);
                _width += atoms[i].Width;
            }
        }
    }
}
