using TM.Client.Alignment;
using TM.Client.Input;
using TM.Protos.V1;
using TM.Text;

namespace TM.Client.Tests;

public sealed class GoldAlignmentFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Only_beads_of_the_aligned_document_are_kept()
    {
        var gold = _directory.Write("gold.jsonl",
            """
            {"doc": "000.txt", "ko": ["가."], "en": ["A."]}
            {"doc": "001.txt", "ko": ["나."], "en": ["B."]}

            {"doc": "000.txt", "ko": ["다.", "라."], "en": []}
            """);

        var beads = GoldAlignmentFile.Load(gold, "seeds/000.txt");

        Assert.Equal(2, beads.Count);
        Assert.Equal(["다.", "라."], beads[1].Korean);
        Assert.Empty(beads[1].English);
    }

    [Theory]
    [InlineData("000_b27f", "/data/000_b27f.txt")]
    [InlineData("seeds/000.txt", "000.txt")]
    [InlineData("000.txt", "/data/seeds/000.txt")]
    public void Doc_may_name_the_file_without_its_extension_or_with_a_directory(string doc, string documentPath)
    {
        var gold = _directory.Write("gold.jsonl", $$"""{"doc": "{{doc}}", "ko": ["가."], "en": ["A."]}""");

        Assert.Single(GoldAlignmentFile.Load(gold, documentPath));
    }

    [Theory]
    [InlineData("000", "001.txt")]
    [InlineData("000.txt.bak", "000.txt")]
    [InlineData("seeds/000", "000.txt")]
    [InlineData(null, "000.txt")]
    public void Other_names_do_not_name_the_document(string? doc, string documentPath)
    {
        Assert.False(GoldAlignmentFile.NamesDocument(doc, documentPath));
    }

    [Theory]
    [InlineData("{\"doc\": \"a.txt\", \"ko\": [\"가.\"], \"en\": [\"A.\"]}\n{\"doc\": \"a.txt\", \"ko\": [\"가.\"\n", 2)]
    [InlineData("{\"doc\": \"a.txt\", \"ko\": [1], \"en\": [\"A.\"]}", 1)]
    [InlineData("\n[\"a.txt\"]", 2)]
    public void A_malformed_line_is_reported_with_the_file_and_its_line(string content, int line)
    {
        var gold = _directory.Write("gold.jsonl", content);

        var ex = Assert.Throws<InputFileException>(() => GoldAlignmentFile.Load(gold, "a.txt"));

        Assert.StartsWith(gold + ":", ex.Message);
        Assert.Contains($"line {line}:", ex.Message);
    }

    [Fact]
    public void No_bead_for_the_document_is_an_error_naming_it()
    {
        var gold = _directory.Write("gold.jsonl", """{"doc": "other.txt", "ko": ["가."], "en": ["A."]}""");

        var ex = Assert.Throws<InputFileException>(() => GoldAlignmentFile.Load(gold, "mine.txt"));

        Assert.Contains("\"mine.txt\"", ex.Message);
    }

    [Fact]
    public void A_missing_gold_file_is_an_input_error_naming_it()
    {
        var gold = Path.Combine(_directory.Path, "missing.jsonl");

        var ex = Assert.Throws<InputFileException>(() => GoldAlignmentFile.Load(gold, "a.txt"));

        Assert.Equal(gold, ex.Path);
    }

    [Fact]
    public void Gold_beads_of_several_sentences_match_the_joined_text_the_server_sends()
    {
        Bead[] gold =
        [
            new(["나.", "다."], ["B and C."], 1),
            new(["휴전 회담은\n교착 상태에 빠졌다."], ["The talks  stalled."], 1),
            new(["라."], [], 1),
            new(["마."], ["E."], 1),
        ];
        AlignedPair[] pairs =
        [
            new() { Ko = "나. 다.", En = "B and C.", Confidence = 0.9, KoSentenceCount = 2, EnSentenceCount = 1 },
            new() { Ko = " 휴전 회담은 교착 상태에 빠졌다.", En = "The talks stalled. ", Confidence = 0.8, KoSentenceCount = 1, EnSentenceCount = 1 },
            new() { Ko = "라.", En = "", Confidence = 0.2, KoSentenceCount = 1, EnSentenceCount = 0 },
            new() { Ko = "마.", En = "", Confidence = 0.2, KoSentenceCount = 1, EnSentenceCount = 0 },
            new() { Ko = "", En = "E.", Confidence = 0.2, KoSentenceCount = 0, EnSentenceCount = 1 },
        ];

        var score = GoldAlignmentFile.Score(pairs, gold);

        Assert.Equal((3, 5, 4), (score.Correct, score.Predicted, score.Gold));
    }
}
