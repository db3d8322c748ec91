using TM.Client.Alignment;
using TM.Client.Input;

namespace TM.Client.Tests;

public sealed class GoldFileTests : IDisposable
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

        var beads = GoldFile.Load(gold, "seeds/000.txt");

        Assert.Equal(2, beads.Count);
        Assert.Equal(["다.", "라."], beads[1].Ko);
        Assert.Empty(beads[1].En);
        Assert.Equal(4, beads[1].Line);
    }

    [Fact]
    public void Doc_may_name_the_file_without_its_extension()
    {
        var gold = _directory.Write("gold.jsonl", """{"doc": "000_b27f", "ko": ["가."], "en": ["A."]}""");

        Assert.Single(GoldFile.Load(gold, "/data/000_b27f.txt"));
    }

    [Fact]
    public void Doc_may_name_the_file_with_a_directory()
    {
        var gold = _directory.Write("gold.jsonl", """{"doc": "seeds/000.txt", "ko": ["가."], "en": ["A."]}""");

        Assert.Single(GoldFile.Load(gold, "000.txt"));
    }

    [Fact]
    public void Bad_json_is_reported_with_its_line()
    {
        var gold = _directory.Write("gold.jsonl", "{\"doc\": \"a.txt\", \"ko\": [\"가.\"], \"en\": [\"A.\"]}\n{\"doc\": \"a.txt\", \"ko\": [\"가.\"\n");

        var ex = Assert.Throws<InputFileException>(() => GoldFile.Load(gold, "a.txt"));

        Assert.Equal(2, ex.Line);
        Assert.Contains("not valid JSON", ex.Message);
    }

    [Fact]
    public void Sentences_must_be_strings()
    {
        var gold = _directory.Write("gold.jsonl", """{"doc": "a.txt", "ko": [1], "en": ["A."]}""");

        var ex = Assert.Throws<InputFileException>(() => GoldFile.Load(gold, "a.txt"));

        Assert.Contains("\"ko\"", ex.Message);
    }

    [Fact]
    public void No_bead_for_the_document_is_an_error_naming_it()
    {
        var gold = _directory.Write("gold.jsonl", """{"doc": "other.txt", "ko": ["가."], "en": ["A."]}""");

        var ex = Assert.Throws<InputFileException>(() => GoldFile.Load(gold, "mine.txt"));

        Assert.Contains("\"mine.txt\"", ex.Message);
    }
}
