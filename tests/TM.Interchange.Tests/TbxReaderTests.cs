using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TbxReaderTests
{
    [Fact]
    public void Tbx3_basic_file_gives_approved_terms_variants_forbidden_terms_notes_and_sources()
    {
        using var reader = new TbxReader(TestData.Fixture("korean-war-tbx3.tbx"), "korean-war-tbx3.tbx");

        var entries = reader.ReadEntries().ToList();

        Assert.Equal(3, reader.Version);
        Assert.Equal(
            [
                new TermbaseEntry
                {
                    Id = "c1",
                    Korean = "김일성",
                    English = "Kim Il-sung",
                    EnglishVariants = ["Kim Il Sung"],
                    PartOfSpeech = "properNoun",
                    Note = "Leader of North Korea, 1948–1994.",
                },
                new TermbaseEntry
                {
                    Id = "c2",
                    Korean = "정전협정",
                    English = "Armistice Agreement",
                    KoreanVariants = ["휴전협정"],
                    ForbiddenEnglish = ["truce agreement"],
                    PartOfSpeech = "noun",
                    Note = "1953년 7월 27일 판문점에서 체결된 협정.",
                    Source = "Kathryn Weathersby, Soviet Aims in Korea (1993)\n국사편찬위원회",
                },
                new TermbaseEntry
                {
                    Id = "c3",
                    Korean = "스탈린",
                    English = "Stalin",
                    ForbiddenKorean = ["스딸린"],
                    ForbiddenEnglish = ["Staline"],
                    Note = "Joseph Stalin",
                },
                new TermbaseEntry { Id = "17", English = "Panmunjom & Kaesong" },
            ],
            entries);
    }

    [Fact]
    public void Sections_in_other_languages_are_ignored_and_counted()
    {
        using var reader = new TbxReader(TestData.Fixture("korean-war-tbx3.tbx"));

        _ = reader.ReadEntries().ToList();

        Assert.Equal(4, reader.Statistics.EntriesRead);
        Assert.Equal(1, reader.Statistics.EntriesWithoutTerms); // c4: German and Japanese only
        Assert.Equal(3, reader.Statistics.OtherLanguageSections);
        Assert.Equal("4 entries read; 1 without Korean or English terms; 3 sections in other languages ignored", reader.Statistics.ToString());
    }

    [Fact]
    public void Tbx2_martif_file_from_multiterm_is_read_like_tbx3()
    {
        using var reader = new TbxReader(TestData.Fixture("multiterm-tbx2.tbx"));

        var entries = reader.ReadEntries().ToList();

        Assert.Equal(2, reader.Version);
        Assert.Equal(
            [
                new TermbaseEntry
                {
                    Id = "t-1",
                    Korean = "마오쩌둥",
                    English = "Mao Zedong",
                    KoreanVariants = ["모택동"],
                    ForbiddenEnglish = ["Mao Tse-tung"],
                    PartOfSpeech = "properNoun",
                    Note = "The Chinese leader who sent the People's Volunteers.",
                    Source = "Pinyin",
                },
                new TermbaseEntry { Id = "t-2", Korean = "협상", English = "negotiation", PartOfSpeech = "noun" },
            ],
            entries);
    }

    [Fact]
    public void Malformed_xml_is_an_error_naming_the_line()
    {
        const string text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
            <text><body>
            <conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>US & UN</term></termSec></langSec></conceptEntry>
            </body></text></tbx>
            """;

        var error = Assert.Throws<TbxFormatException>(() => Read(text, "broken.tbx"));

        Assert.Equal(4, error.LineNumber);
        Assert.StartsWith("broken.tbx, line 4, position ", error.Message, StringComparison.Ordinal);
        Assert.Contains("&amp;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_off_is_an_error_saying_so()
    {
        var error = Assert.Throws<TbxFormatException>(() => Read("<tbx><text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"ko\">"));

        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Another_xml_format_is_refused_by_name()
    {
        var error = Assert.Throws<TbxFormatException>(() => Read("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>"));

        Assert.Contains("<tmx>", error.Message, StringComparison.Ordinal);
        Assert.Contains("translation memory", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.LineNumber);
    }

    [Fact]
    public void A_language_section_without_a_language_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<TbxFormatException>(() => Read("<tbx xml:lang=\"en\">\n<text><body><conceptEntry id=\"c\">\n<langSec><termSec><term>war</term></termSec></langSec></conceptEntry></body></text></tbx>"));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("xml:lang", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_declared_in_a_doctype_are_never_expanded()
    {
        const string text = """
            <?xml version="1.0"?>
            <!DOCTYPE martif [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <martif><text><body><termEntry><langSet xml:lang="en"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>
            """;

        var error = Assert.Throws<TbxFormatException>(() => Read(text));

        Assert.Equal(3, error.LineNumber);
    }

    [Fact]
    public void An_unknown_administrative_status_or_part_of_speech_is_read_leniently()
    {
        var entries = Read("""
            <tbx><text><body><conceptEntry id="a"><langSec xml:lang="en">
            <termSec><term>troop</term><termNote type="partOfSpeech">countable noun</termNote><termNote type="administrativeStatus">approved</termNote></termSec>
            <termSec><term>soldiers</term><termNote type="administrativeStatus">forbidden</termNote></termSec>
            </langSec></conceptEntry></body></text></tbx>
            """);

        var entry = Assert.Single(entries);
        Assert.Equal(("troop", "other"), (entry.English, entry.PartOfSpeech));
        Assert.Equal(["soldiers"], entry.ForbiddenEnglish);
    }

    [Fact]
    public void Only_the_source_of_a_context_sentence_is_left_out()
    {
        var entries = Read("""
            <tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term>troop</term>
            <descripGrp><descrip type="context">US troops landed.</descrip><admin type="source">a newspaper</admin></descripGrp>
            <descrip type="context">Troops withdrew.</descrip>
            <admin type="source">Army glossary</admin>
            </termSec></langSec></conceptEntry></body></text></tbx>
            """);

        Assert.Equal("Army glossary", Assert.Single(entries).Source);
    }

    [Fact]
    public void Entries_can_be_enumerated_once()
    {
        using var reader = new TbxReader(TestData.Fixture("multiterm-tbx2.tbx"));
        _ = reader.ReadEntries().ToList();

        Assert.Throws<InvalidOperationException>(() => reader.ReadEntries());
    }

    private static List<TermbaseEntry> Read(string text, string? fileName = null)
    {
        using var reader = new TbxReader(TestData.Bytes(text), fileName);
        return [.. reader.ReadEntries()];
    }
}
