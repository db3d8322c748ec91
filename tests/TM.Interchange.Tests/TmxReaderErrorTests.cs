using System.Text;
using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TmxReaderErrorTests
{
    private const string GoodUnit = """<tu><tuv xml:lang="ko"><seg>가</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu>""";

    [Fact]
    public void Truncated_file_names_the_unit_it_is_cut_off_in()
    {
        string whole = Encoding.UTF8.GetString(TestData.Tmx(GoodUnit + "\n" + GoodUnit).ToArray());
        string cut = whole[..(whole.LastIndexOf("<seg>a", StringComparison.Ordinal) + 6)];

        TmxFormatException error = TestData.ReadFails(TestData.Bytes(cut));

        Assert.Contains("nexpected end of file", error.Message, StringComparison.Ordinal);
        Assert.Contains("cut off inside <seg>", error.Message, StringComparison.Ordinal);
        Assert.Contains("in the <tu> that starts on line 6", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.LineNumber);
        Assert.StartsWith("broken.tmx, line 6, position ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_units_before_the_cut_are_returned_before_the_error()
    {
        string whole = Encoding.UTF8.GetString(TestData.Tmx(GoodUnit + "\n" + GoodUnit).ToArray());
        var units = new List<TranslationUnit>();
        using var reader = new TmxReader(TestData.Bytes(whole[..^20]));

        Assert.Throws<TmxFormatException>(() =>
        {
            foreach (TranslationUnit unit in reader.ReadUnits())
            {
                units.Add(unit);
            }
        });
        Assert.Single(units); // the second unit lacks its </tu>
    }

    [Fact]
    public void Utf16_declaration_on_utf8_bytes_says_what_was_declared_and_what_to_write()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Bytes(
            """<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header/><body/></tmx>"""));

        Assert.Contains("declares encoding=\"UTF-16\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("encoding=\"UTF-8\"", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(31, error.LinePosition);
    }

    [Fact]
    public void Legacy_encoding_declaration_is_refused_with_the_conversion_command()
    {
        byte[] head = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"EUC-KR\"?><tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"ko\"><seg>");
        byte[] tail = Encoding.ASCII.GetBytes("</seg></tuv></tu></body></tmx>");
        byte[] eucKrHangul = [0xC7, 0xD1, 0xB1, 0xDB]; // 한글 in EUC-KR

        TmxFormatException error = TestData.ReadFails(new MemoryStream([.. head, .. eucKrHangul, .. tail]));

        Assert.Contains("declares encoding=\"EUC-KR\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("iconv -f EUC-KR -t UTF-8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("already read as UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_declaration_on_utf8_bytes_says_only_the_declaration_is_wrong()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Bytes(
            """<?xml version="1.0" encoding="EUC-KR"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>한글</seg></tuv></tu></body></tmx>"""));

        Assert.Contains("already read as UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Korean_legacy_bytes_in_a_utf8_file_name_the_line_and_the_fix()
    {
        byte[] head = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"ko\"><seg>");
        byte[] tail = Encoding.ASCII.GetBytes("</seg></tuv></tu></body></tmx>");

        TmxFormatException error = TestData.ReadFails(new MemoryStream([.. head, 0xC7, 0xD1, .. tail]));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("CP949", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_declaration_on_utf16_bytes_is_refused()
    {
        string xml = """<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header/><body/></tmx>""";

        TmxFormatException error = TestData.ReadFails(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]));

        Assert.Contains("but it is UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Us_ascii_declaration_on_utf8_bytes_is_refused_instead_of_turning_hangul_into_question_marks()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Bytes(
            "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"ko\"><seg>한글</seg></tuv></tu></body></tmx>"));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("not ASCII", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variant_without_seg_is_reported_at_the_variant()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx(
            """
            <tu>
              <tuv xml:lang="ko"><seg>가</seg></tuv>
              <tuv xml:lang="en-US"><prop type="x">y</prop></tuv>
            </tu>
            """));

        Assert.Equal(7, error.LineNumber);
        Assert.Contains("<tuv xml:lang=\"en-US\"> has no <seg>", error.Message, StringComparison.Ordinal);
        Assert.Contains("in the <tu> that starts on line 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_megabyte_segment_is_refused_with_its_line_without_being_buffered()
    {
        static IEnumerable<string> Parts()
        {
            yield return "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n<tu>\n<tuv xml:lang=\"ko\">\n<seg>";
            string megabyte = new('가', 1024 * 1024 / 3); // three bytes each in UTF-8
            for (int i = 0; i < 50; i++)
            {
                yield return megabyte;
            }

            yield return "</seg></tuv></tu></body></tmx>";
        }

        using var input = new GeneratedStream(Parts());
        TmxFormatException error = TestData.ReadFails(input);

        Assert.Equal(5, error.LineNumber);
        Assert.Contains("<seg> that starts on line 5 is longer than 100,000 characters", error.Message, StringComparison.Ordinal);
        Assert.Contains("in the <tu> that starts on line 3", error.Message, StringComparison.Ordinal);
        Assert.True(input.BytesRead < 2 * 1024 * 1024, $"read {input.BytesRead:N0} of 50 MB before refusing");
    }

    [Fact]
    public void Segment_limit_counts_native_code_too()
    {
        string code = new('x', 60);
        TmxFormatException error = TestData.ReadFails(
            TestData.Tmx($"""<tu><tuv xml:lang="ko"><seg>{new string('가', 50)}<ph>{code}</ph></seg></tuv></tu>"""),
            new TmxReadOptions { MaxSegmentLength = 100 });

        Assert.Contains("longer than 100 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_doctype_is_rejected_before_anything_is_read()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Bytes(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>&xxe;</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>
            """));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("DOCTYPE", error.Message, StringComparison.Ordinal);
        Assert.Contains("XXE, billion laughs", error.Message, StringComparison.Ordinal);
        Assert.Contains("remove the DOCTYPE", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Billion_laughs_doctype_is_rejected_without_expansion()
    {
        var dtd = new StringBuilder("<!DOCTYPE tmx [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++)
        {
            dtd.Append(" <!ENTITY lol").Append(i).Append(" \"");
            for (int j = 0; j < 10; j++)
            {
                dtd.Append("&lol").Append(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }

            dtd.Append("\">\n");
        }

        dtd.Append("]>\n");
        long before = GC.GetTotalMemory(forceFullCollection: true);

        TmxFormatException error = TestData.ReadFails(TestData.Bytes(
            "<?xml version=\"1.0\"?>\n" + dtd + "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"ko\"><seg>&lol9;</seg></tuv></tu></body></tmx>"));

        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 10_000_000);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("DOCTYPE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_doctype_hidden_behind_a_long_comment_is_still_never_expanded()
    {
        static IEnumerable<string> Parts()
        {
            yield return "<?xml version=\"1.0\"?>\n<!--";
            yield return new string('-', 0) + new string('x', 100_000);
            yield return "-->\n<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n";
            yield return "<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"ko\"><seg>&xxe;</seg></tuv><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>";
        }

        using var input = new GeneratedStream(Parts());
        TmxFormatException error = TestData.ReadFails(input);

        Assert.Equal(4, error.LineNumber);
        Assert.Contains("undeclared entity 'xxe'", error.Message, StringComparison.Ordinal);
        Assert.Contains("never expanded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_tmx_root_is_named()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Bytes("""<?xml version="1.0"?><xliff version="1.2"><file/></xliff>"""));

        Assert.Contains("root element is <xliff>, not <tmx>", error.Message, StringComparison.Ordinal);
        Assert.Contains("XLIFF", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public void Unsupported_version_is_refused(string version)
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx(GoodUnit, version));

        Assert.Contains($"TMX version \"{version}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.1 to 1.4b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unescaped_ampersand_is_reported_with_the_usual_cause()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx("""<tu><tuv xml:lang="ko"><seg>R & D</seg></tuv></tu>"""));

        Assert.Equal(5, error.LineNumber);
        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
        Assert.Contains("&amp;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_says_it_holds_no_element()
    {
        TmxFormatException error = TestData.ReadFails(new MemoryStream());

        Assert.Contains("holds no XML element", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        string nested = string.Concat(Enumerable.Repeat("<hi>", 40)) + "가" + string.Concat(Enumerable.Repeat("</hi>", 40));

        TmxFormatException error = TestData.ReadFails(TestData.Tmx($"""<tu><tuv xml:lang="ko"><seg>{nested}</seg></tuv></tu>"""));

        Assert.Contains("more than the limit of 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_attribute_is_refused()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx($"""<tu tuid="{new string('x', 10_000)}">{GoodUnit[4..]}"""));

        Assert.Contains("attribute tuid of <tu> is longer than 8,192", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_date_is_named()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx("""<tu creationdate="yesterday"><tuv xml:lang="ko"><seg>가</seg></tuv></tu>"""));

        Assert.Contains("creationdate=\"yesterday\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("YYYYMMDDThhmmssZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_element_inside_a_segment_is_refused_with_the_allowed_ones()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx("""<tu><tuv xml:lang="ko"><seg>가<g id="1">나</g></seg></tuv></tu>"""));

        Assert.Contains("<g> cannot stand in <seg>", error.Message, StringComparison.Ordinal);
        Assert.Contains("<bpt>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_character_reference_is_refused()
    {
        TmxFormatException error = TestData.ReadFails(TestData.Tmx("""<tu><tuv xml:lang="ko"><seg>가&#x1;</seg></tuv></tu>"""));

        Assert.Contains("XML 1.0 cannot hold this character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_that_failed_refuses_to_continue()
    {
        using var reader = new TmxReader(TestData.Bytes("<tmx"));
        IEnumerable<TranslationUnit> units = reader.ReadUnits();
        Assert.Throws<TmxFormatException>(() => units.ToList());

        Assert.Throws<InvalidOperationException>(() => reader.ReadHeader());
    }
}
