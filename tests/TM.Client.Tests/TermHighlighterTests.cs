using Spectre.Console;
using Spectre.Console.Rendering;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Tests;

public class TermHighlighterTests
{
    [Fact]
    public void The_term_is_bold_yellow_and_a_translation_underlined()
    {
        var term = Styled(TermHighlighter.ToMarkup("스탈린은 동의했다.", [new TextSpan { Start = 0, Length = 3 }], ansi: true));
        var translation = Styled(TermHighlighter.ToMarkup("Stalin agreed.", [new TextSpan { Start = 0, Length = 6 }], ansi: true, TermHighlighter.TranslationStyle));

        Assert.Equal([("스탈린", Style.Parse("bold yellow")), ("은 동의했다.", Style.Plain)], term);
        Assert.Equal([("Stalin", Style.Parse("underline")), (" agreed.", Style.Plain)], translation);
    }

    [Fact]
    public void Spans_past_the_text_or_overlapping_are_skipped_and_brackets_stay_text()
    {
        var styled = Styled(TermHighlighter.ToMarkup("[1] Stalin", [new TextSpan { Start = 4, Length = 6 }, new TextSpan { Start = 5, Length = 2 }, new TextSpan { Start = 9, Length = 5 }], ansi: true));

        Assert.Equal([("[1] ", Style.Plain), ("Stalin", Style.Parse("bold yellow"))], styled);
    }

    // The rendered text as runs of one style (Spectre cuts it at spaces too).
    private static List<(string Text, Style Style)> Styled(string markup)
    {
        var console = ConsoleFactory.Create(new StringWriter(), _ => null);
        IRenderable text = new Markup(markup);
        var runs = new List<(string Text, Style Style)>();
        foreach (var segment in text.Render(RenderOptions.Create(console), 120).Where(segment => !segment.IsLineBreak))
        {
            if (runs.Count > 0 && runs[^1].Style.Equals(segment.Style))
                runs[^1] = (runs[^1].Text + segment.Text, segment.Style);
            else
                runs.Add((segment.Text, segment.Style));
        }
        return runs;
    }
}
