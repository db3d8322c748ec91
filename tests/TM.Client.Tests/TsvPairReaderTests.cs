using TM.Client.Input;

namespace TM.Client.Tests;

public class TsvPairReaderTests
{
    [Fact]
    public void Header_ko_en_puts_Korean_in_the_first_column()
    {
        var tsv = TsvPairReader.Read("p.tsv", "ko\ten\n휴전회담\tarmistice talks\n");

        Assert.True(tsv.HasHeader);
        Assert.True(tsv.KoreanFirst);
        Assert.Equal([new TsvPair("휴전회담", "armistice talks", 2)], tsv.Pairs);
        Assert.Empty(tsv.Errors);
    }

    [Fact]
    public void Header_en_ko_puts_Korean_in_the_second_column()
    {
        var tsv = TsvPairReader.Read("p.tsv", "EN\tKO\narmistice talks\t휴전회담\n");

        Assert.True(tsv.HasHeader);
        Assert.False(tsv.KoreanFirst);
        Assert.Equal([new TsvPair("휴전회담", "armistice talks", 2)], tsv.Pairs);
    }

    [Fact]
    public void Header_accepts_language_tags_with_regions()
    {
        var tsv = TsvPairReader.Read("p.tsv", "en-US\tko-KR\nwar\t전쟁\n");

        Assert.True(tsv.HasHeader);
        Assert.False(tsv.KoreanFirst);
        Assert.Single(tsv.Pairs);
    }

    [Fact]
    public void Without_header_the_Korean_column_is_found_by_script()
    {
        var tsv = TsvPairReader.Read("p.tsv", "The talks stalled.\t회담은 교착 상태에 빠졌다.\nMao agreed.\t마오쩌둥은 동의하였다.\n");

        Assert.False(tsv.HasHeader);
        Assert.False(tsv.KoreanFirst);
        Assert.Equal("회담은 교착 상태에 빠졌다.", tsv.Pairs[0].Ko);
        Assert.Equal("The talks stalled.", tsv.Pairs[0].En);
    }

    [Fact]
    public void Lines_without_Hangul_on_either_side_follow_the_file_order()
    {
        var tsv = TsvPairReader.Read("p.tsv", "전쟁\twar\n1953\t1953\n");

        Assert.Equal([new TsvPair("전쟁", "war", 1), new TsvPair("1953", "1953", 2)], tsv.Pairs);
    }

    [Fact]
    public void Crlf_line_endings_leave_no_carriage_returns()
    {
        var tsv = TsvPairReader.Read("p.tsv", "ko\ten\r\n전쟁\twar\r\n평화\tpeace\r\n");

        Assert.Equal([new TsvPair("전쟁", "war", 2), new TsvPair("평화", "peace", 3)], tsv.Pairs);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_numbers_and_the_rest_is_kept()
    {
        const string text = "ko\ten\n전쟁\twar\n이 줄은 탭이 없다\n\n평화\tpeace\textra\n휴전\t\n회담\ttalks\n";

        var tsv = TsvPairReader.Read("p.tsv", text);

        Assert.Equal([new TsvPair("전쟁", "war", 2), new TsvPair("회담", "talks", 7)], tsv.Pairs);
        Assert.Equal([3, 5, 6], tsv.Errors.Select(e => e.Line));
        Assert.Contains("no tab", tsv.Errors[0].Reason);
        Assert.Contains("3 tab-separated fields", tsv.Errors[1].Reason);
        Assert.Contains("second column is empty", tsv.Errors[2].Reason);
    }

    [Fact]
    public void A_line_with_the_languages_swapped_is_reported_not_stored()
    {
        var tsv = TsvPairReader.Read("p.tsv", "전쟁\twar\npeace\t평화\n휴전\tarmistice\n");

        Assert.Equal(["전쟁", "휴전"], tsv.Pairs.Select(p => p.Ko));
        var error = Assert.Single(tsv.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("second column", error.Reason);
    }

    [Fact]
    public void Quotation_marks_are_kept_as_written()
    {
        var tsv = TsvPairReader.Read("p.tsv", "\"멈춰.\"\t\"Stop.\"\n");

        Assert.Equal(new TsvPair("\"멈춰.\"", "\"Stop.\"", 1), Assert.Single(tsv.Pairs));
    }

    [Fact]
    public void No_header_and_no_Hangul_is_an_error_that_asks_for_a_header()
    {
        var ex = Assert.Throws<InputFileException>(() => TsvPairReader.Read("p.tsv", "war\tguerre\npeace\tpaix\n"));

        Assert.Contains("ko<TAB>en", ex.Message);
        Assert.StartsWith("p.tsv", ex.Message);
    }

    [Theory]
    [InlineData("pairs.tsv", "no tabs at all", true)]
    [InlineData("pairs.TSV", "", true)]
    [InlineData("pairs.txt", "전쟁\twar\n\n평화\tpeace\r\n", true)]
    [InlineData("doc.txt", "전쟁은 끝났다.\n\nThe war ended.\n", false)]
    [InlineData("doc.txt", "전쟁\twar\n평화\tpeace\tpaix\n", false)]
    [InlineData("doc.txt", "전쟁\twar\n그리고 설명\n", false)]
    [InlineData("empty.txt", "\n\n", false)]
    public void Tsv_is_recognised_by_extension_or_one_tab_on_every_line(string path, string text, bool expected)
    {
        Assert.Equal(expected, TsvPairReader.LooksLikeTsv(path, text));
    }
}
