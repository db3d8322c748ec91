using TM.Text;

namespace TM.Text.Tests;

public sealed class GoldAlignmentReaderTests
{
    [Fact]
    public void Reads_the_beads_of_one_document()
    {
        const string jsonl = """
            {"doc": "a.txt", "ko": ["가."], "en": ["A.", "B."]}

            {"doc": "b.txt", "ko": ["나."], "en": []}
            {"doc": "a.txt", "ko": [], "en": ["C."]}
            """;

        var beads = GoldAlignmentReader.Read(new StringReader(jsonl), "a.txt");

        Assert.Equal(2, beads.Count);
        Assert.Equal(["A.", "B."], beads[0].English);
        Assert.Empty(beads[1].Korean);
        Assert.Equal(3, GoldAlignmentReader.Read(new StringReader(jsonl)).Count);
    }

    [Fact]
    public void The_seed_gold_file_holds_twenty_beads()
    {
        Assert.Equal(10, Seeds.Gold(Seeds.First).Count);
        Assert.Equal(10, Seeds.Gold(Seeds.Second).Count);
    }

    [Fact]
    public void Malformed_line_is_reported_with_its_number()
    {
        var error = Assert.Throws<FormatException>(
            () => GoldAlignmentReader.Read(new StringReader("{\"ko\": [], \"en\": []}\n{\"ko\": [1]}")));

        Assert.StartsWith("Gold alignment line 2:", error.Message, StringComparison.Ordinal);
    }
}
