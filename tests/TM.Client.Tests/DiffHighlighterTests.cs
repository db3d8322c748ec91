using Spectre.Console;
using Spectre.Console.Rendering;
using TM.Client.Output;

namespace TM.Client.Tests;

public class DiffHighlighterTests
{
    [Fact]
    public void Korean_particle_change_is_one_syllable_not_the_whole_word()
    {
        var diff = DiffHighlighter.Diff(query: "회담이 급진전되었다", source: "회담은 급진전되었다");

        Assert.Equal(
            [
                new DiffSegment(DiffKind.Equal, "회담", "회담"),
                new DiffSegment(DiffKind.Changed, "은", "이"),
                new DiffSegment(DiffKind.Equal, " 급진전되었다", " 급진전되었다"),
            ],
            diff);
    }

    [Fact]
    public void English_is_compared_word_by_word()
    {
        var diff = DiffHighlighter.Diff(query: "The war ended in 1953.", source: "The war began in 1953.");

        Assert.Equal(
            [
                new DiffSegment(DiffKind.Equal, "The war ", "The war "),
                new DiffSegment(DiffKind.Changed, "began", "ended"),
                new DiffSegment(DiffKind.Equal, " in 1953.", " in 1953."),
            ],
            diff);
    }

    [Fact]
    public void Word_only_in_the_memory_is_deleted_and_the_spaces_around_it_stay_plain()
    {
        var diff = DiffHighlighter.Diff(query: "Stalin agreed to the terms", source: "Stalin finally agreed to the terms");

        Assert.Equal(
            [
                new DiffSegment(DiffKind.Equal, "Stalin ", "Stalin "),
                new DiffSegment(DiffKind.Deleted, "finally", ""),
                new DiffSegment(DiffKind.Equal, " agreed to the terms", " agreed to the terms"),
            ],
            diff);
    }

    [Fact]
    public void Words_only_in_the_query_are_inserted_as_one_run()
    {
        var diff = DiffHighlighter.Diff(query: "Mao decided to stop the war quickly and quietly", source: "Mao decided to stop the war");

        Assert.Equal(
            [
                new DiffSegment(DiffKind.Equal, "Mao decided to stop the war ", "Mao decided to stop the war "),
                new DiffSegment(DiffKind.Inserted, "", "quickly and quietly"),
            ],
            diff);
    }

    [Fact]
    public void Numbers_next_to_Hangul_are_compared_as_whole_numbers()
    {
        var diff = DiffHighlighter.Diff(query: "1952년 4월까지", source: "1951년 4월까지");

        Assert.Equal(new DiffSegment(DiffKind.Changed, "1951", "1952"), diff[0]);
        Assert.Equal(2, diff.Count);
    }

    [Fact]
    public void Identical_sentences_have_no_differences()
    {
        var diff = DiffHighlighter.Diff("스탈린은 휴전회담 개시에 동의하였다.", "스탈린은 휴전회담 개시에 동의하였다.");

        Assert.False(DiffHighlighter.HasDifferences(diff));
        Assert.Single(diff);
    }

    [Fact]
    public void Spacing_differences_are_not_highlighted()
    {
        // Korean spacing (띄어쓰기) varies between writers; the server does not score it, so neither do we.
        var diff = DiffHighlighter.Diff("휴전 회담은 교착 상태에 빠졌다", "휴전회담은 교착상태에 빠졌다");

        Assert.False(DiffHighlighter.HasDifferences(diff));
    }

    [Fact]
    public void Case_differences_are_shown()
    {
        var diff = DiffHighlighter.Diff("the Korean war", "the Korean War");

        Assert.Contains(new DiffSegment(DiffKind.Changed, "War", "war"), diff);
    }

    [Fact]
    public void Emoji_is_never_split_into_half_surrogates()
    {
        var diff = DiffHighlighter.Diff("좋아요 😀", "좋아요 😢");

        Assert.Contains(new DiffSegment(DiffKind.Changed, "😢", "😀"), diff);
    }

    [Fact]
    public void Brackets_in_sentences_are_text_not_markup()
    {
        var diff = DiffHighlighter.Diff(query: "[주의] 회담이 [1] 열렸다", source: "[주의] 회담은 [1] 열렸다");

        var text = DiffHighlighter.ToText(diff, ansi: true);

        Assert.Equal("[주의] 회담은이 [1] 열렸다", Render(text));
    }

    [Fact]
    public void Without_colours_differences_use_wdiff_notation()
    {
        var diff = DiffHighlighter.Diff(query: "Kim accepted the proposal", source: "Kim rejected the proposal entirely");

        var text = Render(DiffHighlighter.ToText(diff, ansi: false));

        Assert.Equal("Kim [-rejected-]{+accepted+} the proposal [-entirely-]", text);
    }

    [Fact]
    public void Styles_mark_deleted_inserted_and_replaced_text()
    {
        var deleted = Styled(DiffHighlighter.ToText(DiffHighlighter.Diff("a c", "a b c"), ansi: true));
        var inserted = Styled(DiffHighlighter.ToText(DiffHighlighter.Diff("a b c", "a c"), ansi: true));
        var replaced = Styled(DiffHighlighter.ToText(DiffHighlighter.Diff("회담이", "회담은"), ansi: true));

        Assert.Equal([("a ", Style.Plain), ("b", Style.Parse("red strikethrough")), (" c", Style.Plain)], deleted);
        Assert.Equal([("a ", Style.Plain), ("b", Style.Parse("green underline")), (" c", Style.Plain)], inserted);
        Assert.Equal([("회담", Style.Plain), ("은", Style.Parse("yellow strikethrough")), ("이", Style.Parse("yellow underline"))], replaced);
    }

    [Fact]
    public void Very_long_inputs_fall_back_to_one_change_instead_of_a_huge_table()
    {
        var source = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "w" + i));
        var query = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "v" + i));

        var diff = DiffHighlighter.Diff(query, source);

        Assert.Equal(DiffKind.Changed, Assert.Single(diff).Kind);
    }

    [Fact]
    public void Segments_always_rebuild_both_sentences_apart_from_whitespace()
    {
        // Invariant over random mixed-script input: the memory side of the segments is the source, the query
        // side is the query, in order, nothing lost or invented.
        string[] vocabulary = ["회", "담", "은", "이", "휴", "전", "the", "war", "Kim", "1953", ",", ".", "[", "]", "년"];
        var random = new Random(20240611);
        for (var round = 0; round < 500; round++)
        {
            var source = RandomSentence(random, vocabulary);
            var query = RandomSentence(random, vocabulary);

            var diff = DiffHighlighter.Diff(query, source);

            Assert.Equal(NoSpace(source), NoSpace(string.Concat(diff.Select(s => s.Source))));
            Assert.Equal(NoSpace(query), NoSpace(string.Concat(diff.Select(s => s.Query))));
        }
    }

    private static string RandomSentence(Random random, string[] vocabulary)
    {
        var count = random.Next(0, 12);
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = vocabulary[random.Next(vocabulary.Length)] + (random.Next(3) == 0 ? " " : "");
        }

        return string.Concat(parts);
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Render(IRenderable text)
    {
        var writer = new StringWriter();
        var console = ConsoleFactory.Create(writer, _ => null);
        console.Write(text);
        return writer.ToString();
    }

    private static List<(string Text, Style Style)> Styled(IRenderable text)
    {
        var console = ConsoleFactory.Create(new StringWriter(), _ => null);
        return [.. text.Render(RenderOptions.Create(console), 120).Select(segment => (segment.Text, segment.Style))];
    }
}
