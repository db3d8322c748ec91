using System.Text;
using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class DelimitedPairReaderTests
{
    [Theory]
    [InlineData("ko\ten")]
    [InlineData("Korean\tEnglish")]
    [InlineData("ko-KR\ten-US")]
    [InlineData("한국어\t영어")]
    [InlineData("source (ko)\ttarget (en)")]
    [InlineData("Source_KO\tTarget_EN")]
    public void Header_names_the_columns(string header)
    {
        (List<TranslationUnit> units, DelimitedPairReader reader) = Read(header + "\n안녕하세요.\tHello.\n", DelimitedFormat.Tsv);

        Assert.Equal(new DelimitedLayout(true, 0, 1), reader.Layout);
        TranslationUnit unit = Assert.Single(units);
        Assert.Equal("안녕하세요.", unit.Korean);
        Assert.Equal("Hello.", unit.English);
        Assert.Equal(2, unit.OriginLine);
    }

    [Fact]
    public void Header_in_reverse_order_swaps_the_columns()
    {
        (List<TranslationUnit> units, DelimitedPairReader reader) = Read("id,EN,KO,note\n1,Hello.,안녕하세요.,greeting\n", DelimitedFormat.Csv);

        Assert.Equal(new DelimitedLayout(true, 2, 1), reader.Layout);
        Assert.Equal("안녕하세요.", units[0].Korean);
        Assert.Equal("Hello.", units[0].English);
    }

    [Fact]
    public void Source_and_target_without_languages_are_told_apart_by_script()
    {
        (List<TranslationUnit> units, DelimitedPairReader reader) = Read("source\ttarget\nThe king.\t왕.\n", DelimitedFormat.Tsv);

        Assert.Equal(new DelimitedLayout(true, 1, 0), reader.Layout);
        Assert.Equal("왕.", units[0].Korean);
    }

    [Fact]
    public void Without_a_header_the_hangul_column_is_korean()
    {
        (List<TranslationUnit> units, DelimitedPairReader reader) = Read("1443\t1443\nHunminjeongeum.\t훈민정음.\n", DelimitedFormat.Tsv);

        Assert.Equal(new DelimitedLayout(false, 1, 0), reader.Layout);
        Assert.Equal(2, units.Count);
        Assert.Equal(1, units[0].OriginLine);
        Assert.Equal("훈민정음.", units[1].Korean);
        Assert.Equal("Hunminjeongeum.", units[1].English);
    }

    [Fact]
    public void Csv_quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        const string csv = "ko,en\r\n\"첫째, 둘째\",\"He said \"\"yes\"\", then left.\"\r\n\"여러\r\n줄\",\"several\r\nlines\"\r\n다음,next\r\n";

        (List<TranslationUnit> units, _) = Read(csv, DelimitedFormat.Csv);

        Assert.Equal(3, units.Count);
        Assert.Equal("첫째, 둘째", units[0].Korean);
        Assert.Equal("He said \"yes\", then left.", units[0].English);
        Assert.Equal("여러\n줄", units[1].Korean);
        Assert.Equal("several\nlines", units[1].English);
        Assert.Equal([2, 3, 6], units.Select(u => u.OriginLine)); // the second record spans lines 3 to 5
    }

    [Fact]
    public void Csv_quote_inside_an_unquoted_field_is_text()
    {
        (List<TranslationUnit> units, _) = Read("ko,en\n5\"3' 높이,5\"3' tall\n", DelimitedFormat.Csv);

        Assert.Equal("5\"3' tall", units[0].English);
    }

    [Fact]
    public void Tsv_field_quoted_the_excel_way_is_unquoted()
    {
        (List<TranslationUnit> units, _) = Read("ko\ten\n\"탭\t포함\"\t\"with \"\"tab\"\"\n and break\"\n", DelimitedFormat.Tsv);

        Assert.Equal("탭\t포함", units[0].Korean);
        Assert.Equal("with \"tab\"\n and break", units[0].English);
    }

    [Fact]
    public void Tsv_field_that_merely_starts_with_a_quote_is_literal()
    {
        (List<TranslationUnit> units, _) = Read("ko\ten\n\"예,\" 그가 말했다.\t\"Yes,\" he said.\n다음\tnext\n", DelimitedFormat.Tsv);

        Assert.Equal(2, units.Count);
        Assert.Equal("\"예,\" 그가 말했다.", units[0].Korean);
        Assert.Equal("\"Yes,\" he said.", units[0].English);
        Assert.Equal(3, units[1].OriginLine);
    }

    [Fact]
    public void Byte_order_mark_and_crlf_are_handled()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("ko\ten\r\n가\ta\r\n")];
        using var reader = new DelimitedPairReader(new MemoryStream(bytes), DelimitedFormat.Tsv, "pairs.tsv");

        TranslationUnit unit = Assert.Single(reader.ReadUnits());

        Assert.True(reader.Layout!.HasHeader);
        Assert.Equal("a", unit.English);
        Assert.Equal("pairs.tsv", unit.OriginFile);
    }

    [Fact]
    public void Utf16_with_byte_order_mark_is_decoded()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("가,a\n")];
        using var reader = new DelimitedPairReader(new MemoryStream(bytes), DelimitedFormat.Csv);

        Assert.Equal("가", Assert.Single(reader.ReadUnits()).Korean);
    }

    [Fact]
    public void Empty_cells_are_skipped_and_counted_and_blank_lines_ignored()
    {
        (List<TranslationUnit> units, DelimitedPairReader reader) = Read("ko,en\n\n가,a\n나,\n , b\n", DelimitedFormat.Csv);

        Assert.Single(units);
        Assert.Equal(2, reader.Statistics.Skipped(SkipReason.EmptySegment));
    }

    [Fact]
    public void Unclosed_csv_quote_is_reported_at_its_line()
    {
        DelimitedFormatException error = Fails("ko,en\n가,a\n\"나,b\n다,c\n", DelimitedFormat.Csv);

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_csv_quote_is_reported_with_its_position()
    {
        DelimitedFormatException error = Fails("ko,en\n\"가\"나,a\n", DelimitedFormat.Csv);

        Assert.Equal(2, error.LineNumber);
        Assert.Equal(4, error.LinePosition);
        Assert.Contains("two quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_missing_a_column_is_reported_with_its_line()
    {
        DelimitedFormatException error = Fails("ko\ten\n가\ta\n나 b\n", DelimitedFormat.Tsv);

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("has 1 field(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("tab is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cp949_bytes_are_reported_with_the_excel_fix()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("ko,en\n"), 0xC7, 0xD1, .. Encoding.ASCII.GetBytes(",Korean\n")];
        using var reader = new DelimitedPairReader(new MemoryStream(bytes), DelimitedFormat.Csv, "excel.csv");

        DelimitedFormatException error = Assert.Throws<DelimitedFormatException>(() => reader.ReadUnits().ToList());

        Assert.Equal(2, error.LineNumber);
        Assert.StartsWith("excel.csv, line 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_without_hangul_cannot_be_laid_out()
    {
        DelimitedFormatException error = Fails("a\tb\nc\td\n", DelimitedFormat.Tsv);

        Assert.Contains("cannot tell which column is Korean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_given_in_options_override_detection()
    {
        var options = new DelimitedReadOptions { HasHeader = false, KoreanColumn = 2, EnglishColumn = 0 };
        using var reader = new DelimitedPairReader(new StringReader("a,x,가\n"), DelimitedFormat.Csv, options: options);

        TranslationUnit unit = Assert.Single(reader.ReadUnits());

        Assert.Equal("가", unit.Korean);
        Assert.Equal("a", unit.English);
    }

    [Fact]
    public void Overlong_field_is_refused()
    {
        var options = new DelimitedReadOptions { MaxSegmentLength = 10 };
        using var reader = new DelimitedPairReader(new StringReader("ko,en\n가,abcdefghijkl\n"), DelimitedFormat.Csv, options: options);

        DelimitedFormatException error = Assert.Throws<DelimitedFormatException>(() => reader.ReadUnits().ToList());

        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void Empty_file_yields_nothing()
    {
        (List<TranslationUnit> units, _) = Read("", DelimitedFormat.Csv);

        Assert.Empty(units);
    }

    private static (List<TranslationUnit> Units, DelimitedPairReader Reader) Read(string text, DelimitedFormat format)
    {
        var reader = new DelimitedPairReader(new MemoryStream(TestData.Utf8.GetBytes(text)), format, "pairs");
        return ([.. reader.ReadUnits()], reader);
    }

    private static DelimitedFormatException Fails(string text, DelimitedFormat format) =>
        Assert.Throws<DelimitedFormatException>(() => Read(text, format));
}
