using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TermCsvReaderTests
{
    [Fact]
    public void Header_names_the_columns_in_any_order_and_lists_split_on_bar_or_semicolon()
    {
        const string csv = "English,Korean,korean variants,Forbidden-English,part_of_speech,note,source,id\n" +
                           "Mao Zedong,마오쩌둥,모택동,Mao Tse-tung; Mao Tsetung,Proper Noun,Chinese leader,Pinyin,m1\n" +
                           "negotiation,협상,,,noun,,,\n";

        var entries = TermCsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(
            [
                new TermbaseEntry
                {
                    Id = "m1",
                    Korean = "마오쩌둥",
                    English = "Mao Zedong",
                    KoreanVariants = ["모택동"],
                    ForbiddenEnglish = ["Mao Tse-tung", "Mao Tsetung"],
                    PartOfSpeech = "properNoun",
                    Note = "Chinese leader",
                    Source = "Pinyin",
                },
                new TermbaseEntry { Korean = "협상", English = "negotiation", PartOfSpeech = "noun" },
            ],
            entries);
    }

    [Fact]
    public void Quoted_cells_hold_quotes_commas_and_line_breaks()
    {
        const string csv = "korean,english,english_variants,note\r\n" +
                           "정전협정,Armistice Agreement,\"truce agreement|armistice, 1953\",\"Signed at Panmunjom,\r\n27 July 1953; called \"\"the truce\"\".\"\r\n";

        var entry = Assert.Single(TermCsvReader.Read(new StringReader(csv)));

        Assert.Equal(["truce agreement", "armistice, 1953"], entry.EnglishVariants);
        Assert.Equal("Signed at Panmunjom,\n27 July 1953; called \"the truce\".", entry.Note);
    }

    [Fact]
    public void A_bare_korean_english_file_needs_no_header()
    {
        using var reader = new TermCsvReader(new StringReader("김일성,Kim Il-sung\n\n판문점,Panmunjom\n"));

        var entries = reader.ReadEntries().ToList();

        Assert.False(reader.HasHeader);
        Assert.Equal([new TermbaseEntry { Korean = "김일성", English = "Kim Il-sung" }, new TermbaseEntry { Korean = "판문점", English = "Panmunjom" }], entries);
        Assert.Equal(2, reader.Statistics.EntriesRead);
    }

    [Fact]
    public void An_unknown_column_is_an_error_naming_it_and_the_line()
    {
        var error = Assert.Throws<DelimitedFormatException>(() => TermCsvReader.Read(new StringReader("korean,english,comment\n김일성,Kim Il-sung,x\n"), "terms.csv").ToList());

        Assert.Equal(1, error.LineNumber);
        Assert.StartsWith("terms.csv, line 1: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"comment\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("forbidden_english", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("korean,korean\n김일성,김일성\n", "again")]
    [InlineData("note,source\nx,y\n", "neither a korean nor an english column")]
    [InlineData("Kim Il-sung,김일성\n", "neither a header")]
    public void A_bad_header_is_an_error_on_line_1(string csv, string message)
    {
        var error = Assert.Throws<DelimitedFormatException>(() => TermCsvReader.Read(new StringReader(csv)).ToList());

        Assert.Equal(1, error.LineNumber);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("korean,english\n김일성,Kim Il-sung\n판문점\n", 3, "1 cell(s)")]
    [InlineData("korean,english,part_of_speech\n김일성,Kim Il-sung,name\n", 2, "\"name\"")]
    [InlineData("korean,english\n\"김일성,Kim Il-sung\n", 2, "never closed")]
    [InlineData("김일성,Kim Il-sung\n판문점,Panmunjom,place\n", 2, "3 cell(s)")]
    public void A_bad_row_is_an_error_naming_its_line(string csv, int line, string message)
    {
        var error = Assert.Throws<DelimitedFormatException>(() => TermCsvReader.Read(new StringReader(csv)).ToList());

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_without_terms_is_skipped_and_counted()
    {
        using var reader = new TermCsvReader(new StringReader("korean,english,note\n,,orphan note\n협상,negotiation,\n"));

        Assert.Single(reader.ReadEntries().ToList());
        Assert.Equal(1, reader.Statistics.EntriesWithoutTerms);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_error_with_the_fix()
    {
        byte[] bytes = [.. TestData.Utf8.GetBytes("korean,english\n"), 0xB1, 0xE8, (byte)',', (byte)'K', (byte)'\n'];

        using var reader = new TermCsvReader(new MemoryStream(bytes));
        var error = Assert.Throws<DelimitedFormatException>(() => reader.ReadEntries().ToList());

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("CP949", error.Message, StringComparison.Ordinal);
    }
}
