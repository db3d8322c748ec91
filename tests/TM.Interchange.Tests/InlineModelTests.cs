using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class InlineModelTests
{
    private static readonly InlineTag Open = new(InlineTagKind.Bpt, [new TmxAttribute("i", "1")], "<b>");
    private static readonly InlineTag Close = new(InlineTagKind.Ept, [new TmxAttribute("i", "1")], "</b>");

    [Fact]
    public void Placeholder_of_a_tag_is_one_private_use_character_per_index()
    {
        Assert.Equal('\uE000', InlinePlaceholder.ForIndex(0));
        Assert.Equal('\uE00A', InlinePlaceholder.ForIndex(10));
        Assert.Equal(10, InlinePlaceholder.IndexOf('\uE00A'));
        Assert.Equal(6400, InlinePlaceholder.MaxCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => InlinePlaceholder.ForIndex(6400));
        Assert.Throws<ArgumentOutOfRangeException>(() => InlinePlaceholder.IndexOf('a'));
    }

    [Fact]
    public void Removing_placeholders_leaves_the_readable_text()
    {
        Assert.Equal("굵은 글씨", InlinePlaceholder.Remove("\uE000굵은\uE001 글씨"));
        Assert.Equal(2, InlinePlaceholder.Count("\uE000굵은\uE001 글씨"));
        const string plain = "그냥 글";
        Assert.Same(plain, InlinePlaceholder.Remove(plain));
    }

    [Fact]
    public void Unit_accepts_tags_placed_in_any_order()
    {
        var unit = new TranslationUnit("\uE000가\uE001", [Open, Close], "\uE001a\uE000", [Open, Close]);

        Assert.Equal(2, unit.EnglishTags.Count);
    }

    [Fact]
    public void Placeholder_without_a_tag_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new TranslationUnit("가\uE001", [Open], "a", null));

        Assert.Equal("korean", error.ParamName);
        Assert.Contains("names tag 1, but there are only 1 tags", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_without_a_placeholder_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new TranslationUnit("가", null, "a\uE000", [Open, Close]));

        Assert.Equal("english", error.ParamName);
    }

    [Fact]
    public void Tag_placed_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TranslationUnit("\uE000가\uE000", [Open], "a", null));
    }

    [Fact]
    public void Highlight_spans_must_nest()
    {
        var start = new InlineTag(InlineTagKind.HiStart);
        var end = new InlineTag(InlineTagKind.HiEnd);

        Assert.Throws<ArgumentException>(() => new TranslationUnit("\uE000가", [start], "a", null));
        Assert.Throws<ArgumentException>(() => new TranslationUnit("\uE000가\uE001", [end, start], "a", null));
        Assert.Equal(2, new TranslationUnit("\uE000가\uE001", [start, end], "a", null).KoreanTags.Count);
    }

    [Fact]
    public void Tag_parts_must_fit_its_kind()
    {
        Assert.Throws<ArgumentException>(() => new InlineTag(InlineTagKind.HiEnd, [new TmxAttribute("x", "1")]));
        Assert.Throws<ArgumentException>(() => new InlineTag(InlineTagKind.HiStart, null, "code"));
        Assert.Throws<ArgumentException>(() => new InlineTag(InlineTagKind.PrivateUse, null, "a"));
        Assert.Throws<ArgumentException>(() => new InlineTag(InlineTagKind.Ph, [new TmxAttribute("bad name", "1")]));
        Assert.Throws<ArgumentException>(() => new InlineTag(InlineTagKind.Ph, [new TmxAttribute("x", "1"), new TmxAttribute("x", "2")]));
        Assert.Throws<ArgumentException>(() => new InlineTag(InlineTagKind.Ph, null, "ab", [new InlineSub(3, "가")]));
    }

    [Fact]
    public void Plain_text_with_a_private_use_character_keeps_it_as_a_tag()
    {
        var unit = TranslationUnit.FromText("\uF0B7 항목", "\uF0B7 item");

        Assert.Equal("\uE000 항목", unit.Korean);
        Assert.Equal("\uF0B7", unit.KoreanTags[0].Code);
    }

    [Fact]
    public void Units_are_equal_by_value_including_tags_and_metadata()
    {
        TranslationUnit Make() => new("\uE000가\uE001", [Open, Close], "a", null)
        {
            Properties = [new TmxProperty("x", "y")],
            EnglishMetadata = new VariantMetadata { ChangeId = "kim", Notes = [new TmxNote("n")] },
        };

        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
        Assert.NotEqual(Make(), Make() with { EnglishMetadata = new VariantMetadata { ChangeId = "lee" } });
        Assert.NotEqual(Make(), Make() with { OriginLine = 3 });
    }

    [Fact]
    public void Tag_renders_as_tmx_markup_for_diagnostics()
    {
        var image = new InlineTag(InlineTagKind.Ph, [new TmxAttribute("x", "1")], "<img alt=\"\"/>", [new InlineSub(10, "지도")]);

        Assert.Equal("<ph x=\"1\">&lt;img alt=\"<sub>지도</sub>\"/&gt;</ph>", image.ToString());
        Assert.Equal("TranslationUnit - (?:?) ko: {0}가{1} | en: a", new TranslationUnit("\uE000가\uE001", [Open, Close], "a", null).ToString());
    }
}
