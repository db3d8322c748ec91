using TM.Text;

namespace TM.Text.Tests;

public sealed class LanguageBlockDetectorTests
{
    private static readonly LanguageBlockDetector Detector = new();

    [Fact]
    public void Korean_first_document_with_a_label_and_blank_lines_has_two_blocks()
    {
        var layout = Detector.Detect(Seeds.Read(Seeds.First));

        Assert.Equal([Language.Korean, Language.English], layout.Blocks.Select(b => b.Language));
        Assert.All(layout.Blocks, b => Assert.Equal(BlockKind.Body, b.Kind));
        Assert.Equal(["초록 열기/닫기 버튼"], layout.DroppedLines);
        Assert.Equal(3, layout.Blocks[0].FirstLineNumber);
        Assert.Equal(6, layout.Blocks[1].FirstLineNumber);
    }

    [Fact]
    public void Document_without_blank_lines_still_separates_the_languages()
    {
        var layout = Detector.Detect(Seeds.Read(Seeds.Second));

        Assert.Equal([Language.Korean, Language.English], layout.Blocks.Select(b => b.Language));
        Assert.Equal([1, 2], layout.Blocks.Select(b => b.FirstLineNumber));
        Assert.Empty(layout.DroppedLines);
    }

    [Fact]
    public void English_may_come_first()
    {
        var layout = Detector.Detect("The war ended in 1953.\n\n전쟁은 1953년에 끝났다.\n");

        Assert.Equal([Language.English, Language.Korean], layout.Blocks.Select(b => b.Language));
    }

    [Fact]
    public void Interleaved_paragraphs_make_alternating_blocks()
    {
        var layout = Detector.Detect("첫 문단이다.\nFirst paragraph.\n\n둘째 문단이다.\n\nSecond paragraph.");

        Assert.Equal(
            [Language.Korean, Language.English, Language.Korean, Language.English],
            layout.Blocks.Select(b => b.Language));
        Assert.Equal([1, 2, 4, 6], layout.Blocks.Select(b => b.FirstLineNumber));
    }

    [Fact]
    public void Blank_lines_inside_one_language_separate_paragraphs_of_one_block()
    {
        var layout = Detector.Detect("첫 문단의 문장이다.\n이어지는 줄이다.\n\n둘째 문단이다.\nEnglish text follows here.");

        var korean = Assert.Single(layout.Blocks, b => b.Language == Language.Korean);
        Assert.Equal(
            [new BlockParagraph("첫 문단의 문장이다.\n이어지는 줄이다.", 1), new BlockParagraph("둘째 문단이다.", 4)],
            korean.Paragraphs);
        Assert.Equal(2, korean.Paragraphs[0].LineNumberAt(12));
    }

    [Theory]
    [InlineData("The Korean War (한국전쟁) ended with an armistice in July 1953.", Language.English)]
    [InlineData("본 연구는 Structural Realism의 관점에서 냉전을 분석한다.", Language.Korean)]
    [InlineData("한국전쟁(Korean War)은 1953년에 끝났다.", Language.Korean)]
    public void A_line_belongs_to_the_script_that_dominates_it(string line, Language expected)
    {
        var other = expected == Language.Korean ? "An English sentence ends here." : "한국어 문장이 여기 있다.";

        var layout = Detector.Detect(line + "\n" + other);

        Assert.Equal(expected, layout.Blocks[0].Language);
    }

    [Fact]
    public void Lines_without_letters_are_dropped_and_do_not_break_a_block()
    {
        var layout = Detector.Detect("첫 문장이다.\n- 12 -\n둘째 문장이다.\nThe English text.");

        Assert.Equal(["- 12 -"], layout.DroppedLines);
        Assert.Equal(2, layout.Blocks.Count);
    }

    [Fact]
    public void Keyword_lines_form_their_own_blocks_without_splitting_the_text()
    {
        var text = "국문초록\n전쟁은 끝났다. 평화가 왔다.\n주제어: 한국전쟁, 휴전\n그 뒤의 문장이다.\n\nAbstract\nThe war ended. Peace came.\n" +
            "Keywords:\nKorean War, armistice\nA later sentence.";

        var layout = Detector.Detect(text);

        Assert.Equal(["국문초록", "Abstract"], layout.DroppedLines);
        Assert.Equal(
            [(Language.Korean, BlockKind.Body), (Language.Korean, BlockKind.Keywords), (Language.English, BlockKind.Body), (Language.English, BlockKind.Keywords)],
            layout.Blocks.Select(b => (b.Language, b.Kind)));
        Assert.Equal(2, layout.Blocks[0].Paragraphs.Count);
        Assert.Equal("주제어: 한국전쟁, 휴전", layout.Blocks[1].Paragraphs.Single().Text);
        Assert.Equal("Keywords: Korean War, armistice", layout.Blocks[3].Paragraphs.Single().Text);
    }
}
