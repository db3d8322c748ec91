using Spectre.Console;
using Spectre.Console.Rendering;
using TM.Client.Output;

namespace TM.Client.Tests;

public class DiffTextTests
{
    private static readonly Style Old = Style.Parse("yellow strikethrough");
    private static readonly Style New = Style.Parse("yellow underline");

    [Fact]
    public void A_marked_span_that_fits_on_a_line_is_never_split_at_its_spaces()
    {
        var text = new DiffText();
        text.Append("The armistice talks ");
        text.AppendMarked("[-began at Kaesong-]", Style.Plain);
        text.Append(" in July.");

        Assert.Equal(["The armistice talks", "[-began at Kaesong-]", "in July."], Lines(text, 20));
    }

    [Fact]
    public void A_highlighted_syllable_stays_with_its_word()
    {
        // Spectre breaks wherever the style changes, which could leave 휴전회담 at the end of a line and the
        // struck-through 은 and underlined 이 at the start of the next.
        var text = new DiffText();
        text.Append("1951년 휴전회담");
        text.AppendMarked("은", Old);
        text.AppendMarked("이", New);
        text.Append(" 재개되었다.");

        Assert.Equal(["1951년", "휴전회담은이", "재개되었다."], Lines(text, 16));
    }

    [Fact]
    public void A_change_wider_than_the_line_breaks_between_old_and_new_first()
    {
        var text = new DiffText();
        text.Append("talks ");
        text.AppendMarked("[-began-]", Style.Plain);
        text.AppendMarked("{+resumed+}", Style.Plain);
        text.Append(" at");

        Assert.Equal(["talks", "[-began-]", "{+resumed+} at"], Lines(text, 14));
    }

    [Fact]
    public void A_span_wider_than_the_line_breaks_at_its_own_spaces_with_the_markers_on_their_words()
    {
        var text = new DiffText();
        text.AppendMarked("[-the talks began at Kaesong-]", Style.Plain);

        Assert.Equal(["[-the talks", "began at", "Kaesong-]"], Lines(text, 12));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_into_pieces_that_fill_it()
    {
        var text = new DiffText();
        text.AppendMarked("{+가나다라마바사아자차+}", Style.Plain);

        Assert.Equal(["{+가나다라", "마바사아자", "차+}"], Lines(text, 10));
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept()
    {
        var text = new DiffText();
        text.Append("first line\nsecond");

        Assert.Equal(["first line", "second"], Lines(text, 40));
    }

    [Fact]
    public void Measure_asks_for_the_widest_marked_span_and_the_whole_line()
    {
        var text = new DiffText();
        text.Append("a ");
        text.AppendMarked("[-b c-]", Style.Plain);
        text.Append(" d");

        var measurement = ((IRenderable)text).Measure(Options(), 80);

        Assert.Equal((7, 11), (measurement.Min, measurement.Max));
    }

    [Fact]
    public void Wrapping_never_loses_text_nor_overflows_the_line()
    {
        // Invariant over random mixed-script text at random widths: all the text is there, in order, and no line
        // is wider than the width (every character here fits in it).
        string[] vocabulary = ["회담", "은", "이", "휴전", " ", "  ", "the", "armistice", "1953", ",", "[", "]", "-", "{+", "😀"];
        var random = new Random(20260131);
        for (var round = 0; round < 500; round++)
        {
            var text = new DiffText();
            var expected = "";
            for (var i = random.Next(0, 15); i > 0; i--)
            {
                var piece = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
                expected += piece;
                if (random.Next(3) == 0)
                {
                    text.AppendMarked(piece, random.Next(2) == 0 ? Old : New);
                }
                else
                {
                    text.Append(piece);
                }
            }

            var width = random.Next(2, 30);
            var lines = Lines(text, width);

            Assert.Equal(NoSpace(expected), NoSpace(string.Concat(lines)));
            Assert.All(lines, line => Assert.True(line.GetCellWidth() <= width, $"'{line}' is wider than {width}"));
        }
    }

    private static List<string> Lines(IRenderable text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var segment in text.Render(Options(), width))
        {
            if (segment.IsLineBreak)
            {
                lines.Add("");
            }
            else
            {
                lines[^1] += segment.Text;
            }
        }

        return lines;
    }

    private static RenderOptions Options() => RenderOptions.Create(ConsoleFactory.Create(new StringWriter(), _ => null));

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
