using TM.Server.Web;

namespace TM.Server.Tests.Web;

public sealed class TextDiffTests
{
    [Fact]
    public void A_changed_number_shows_as_one_deleted_and_one_inserted_word()
    {
        var parts = TextDiff.Compare("1951년 5월 말 제5차 전역", "1951년 6월 말 제5차 전역");

        Assert.Equal(
            [new("1951년 ", DiffKind.Same), new("5월", DiffKind.Deleted), new("6월", DiffKind.Inserted), new(" 말 제5차 전역", DiffKind.Same)],
            parts);
    }

    [Fact]
    public void Words_only_the_match_has_are_inserted()
    {
        var parts = TextDiff.Compare("The talks began", "The armistice talks began");

        Assert.Equal("armistice", Assert.Single(parts, p => p.Kind == DiffKind.Inserted).Text.Trim());
        Assert.DoesNotContain(parts, p => p.Kind == DiffKind.Deleted);
    }

    [Fact]
    public void Texts_too_long_to_compare_come_back_whole_and_unmarked()
    {
        var query = string.Join(' ', Enumerable.Repeat("단어", 1_500));

        var parts = TextDiff.Compare(query, query + " 끝");

        Assert.Equal([new(query + " 끝", DiffKind.Same)], parts);
    }

    [Fact]
    public void The_parts_of_the_source_spell_the_source()
    {
        var random = new Random(19);
        string[] words = ["협상", "휴전", "은", "는", "the", "talks", "1953", ",", "."];
        for (var i = 0; i < 200; i++)
        {
            var a = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => words[random.Next(words.Length)]));
            var b = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => words[random.Next(words.Length)]));

            var parts = TextDiff.Compare(a, b);

            Assert.Equal(b, string.Concat(parts.Where(p => p.Kind != DiffKind.Deleted).Select(p => p.Text)));
            Assert.Equal(a, string.Concat(parts.Where(p => p.Kind != DiffKind.Inserted).Select(p => p.Text)));
        }
    }
}
