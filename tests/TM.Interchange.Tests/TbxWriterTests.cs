using System.Xml;
using System.Xml.Linq;
using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TbxWriterTests
{
    private static readonly XNamespace Tbx = TbxWriter.Namespace;

    private static readonly TermbaseEntry[] Entries =
    [
        new()
        {
            Id = "c1",
            Korean = "김일성",
            English = "Kim Il-sung",
            EnglishVariants = ["Kim Il Sung"],
            PartOfSpeech = "properNoun",
            Note = "Leader of North Korea.\nSee also 김정일.",
            Source = "국사편찬위원회",
        },
        new()
        {
            Id = "17",
            Korean = "정전협정",
            English = "Armistice Agreement",
            KoreanVariants = ["휴전협정"],
            ForbiddenEnglish = ["truce agreement", "cease-fire <treaty> & \"pact\""],
            PartOfSpeech = "noun",
        },
        new() { Id = "c3", English = "Stalin", ForbiddenEnglish = ["Staline"], Source = "extracted" },
        new() { Id = "c4", Korean = "판문점", Note = "inner  spaces and\ttabs are kept" },
        new() { Id = "c5", ForbiddenKorean = ["스딸린"] },
    ];

    [Fact]
    public void Written_file_reads_back_to_the_same_entries()
    {
        var bytes = Write(Entries);

        using var reader = new TbxReader(new MemoryStream(bytes));
        Assert.Equal(Entries, reader.ReadEntries().ToList());
        Assert.Equal(0, reader.Statistics.EntriesWithoutTerms);
    }

    [Fact]
    public void An_entry_without_an_id_gets_one_that_is_unique_and_reads_back()
    {
        var bytes = Write([new TermbaseEntry { Korean = "협상", English = "negotiation" }, new TermbaseEntry { Korean = "포로", English = "prisoner of war" }]);

        using var reader = new TbxReader(new MemoryStream(bytes));
        Assert.Equal(["_entry1", "_entry2"], reader.ReadEntries().Select(e => e.Id));
    }

    [Fact]
    public void Written_file_follows_the_rules_of_tbx_basic()
    {
        var document = XDocument.Load(new MemoryStream(Write(Entries)), LoadOptions.None);

        // Root: TBX v3's namespace, the dialect and its style, the file's language.
        var root = document.Root!;
        Assert.Equal(Tbx + "tbx", root.Name);
        Assert.Equal("TBX-Basic", (string?)root.Attribute("type"));
        Assert.Equal("dca", (string?)root.Attribute("style"));
        Assert.Equal("en", (string?)root.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal([Tbx + "tbxHeader", Tbx + "text"], root.Elements().Select(e => e.Name));
        Assert.NotEmpty(root.Element(Tbx + "tbxHeader")!.Element(Tbx + "fileDesc")!.Element(Tbx + "sourceDesc")!.Elements(Tbx + "p"));

        // DCA style: every element in TBX's namespace.
        Assert.All(document.Descendants(), e => Assert.Equal(Tbx, e.Name.Namespace));

        var concepts = root.Element(Tbx + "text")!.Element(Tbx + "body")!.Elements().ToList();
        Assert.All(concepts, c => Assert.Equal(Tbx + "conceptEntry", c.Name));
        var ids = concepts.Select(c => (string?)c.Attribute("id")).ToList();
        Assert.All(ids, id => XmlConvert.VerifyNCName(id!)); // xs:ID: an XML name without a colon
        Assert.Equal(ids.Count, ids.Distinct().Count());

        foreach (var concept in concepts)
        {
            // A conceptEntry holds at least one langSec, after its own notes and admin; a langSec at least one termSec.
            var children = concept.Elements().Select(e => e.Name.LocalName).ToList();
            Assert.Contains("langSec", children);
            Assert.Equal(children.Count(n => n != "langSec"), children.IndexOf("langSec"));
            foreach (var langSec in concept.Elements(Tbx + "langSec"))
            {
                Assert.Contains((string?)langSec.Attribute(XNamespace.Xml + "lang"), new[] { "ko", "en" });
                Assert.NotEmpty(langSec.Elements(Tbx + "termSec"));
                Assert.All(langSec.Elements(), e => Assert.Equal(Tbx + "termSec", e.Name));
            }
        }

        foreach (var termSec in document.Descendants(Tbx + "termSec"))
        {
            // termSec: one term first, then term notes.
            Assert.Equal(Tbx + "term", termSec.Elements().First().Name);
            Assert.Single(termSec.Elements(Tbx + "term"));
            Assert.All(termSec.Elements().Skip(1), e => Assert.Equal(Tbx + "termNote", e.Name));
        }

        // Term notes only in termSec, with the picklist values of TBX-Basic.
        foreach (var termNote in document.Descendants(Tbx + "termNote"))
        {
            Assert.Equal(Tbx + "termSec", termNote.Parent!.Name);
            var type = (string?)termNote.Attribute("type");
            var allowed = type switch
            {
                "administrativeStatus" => ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"],
                "partOfSpeech" => PartsOfSpeech.All,
                _ => throw new Xunit.Sdk.XunitException($"termNote of type {type} is not one TM writes"),
            };
            Assert.Contains(termNote.Value, allowed);
        }

        Assert.All(document.Descendants(Tbx + "admin"), a => Assert.Equal("source", (string?)a.Attribute("type")));
    }

    [Fact]
    public void Text_is_escaped()
    {
        var xml = TestData.Utf8.GetString(Write([Entries[1]]));

        Assert.Contains("cease-fire &lt;treaty&gt; &amp; \"pact\"", xml, StringComparison.Ordinal);
        Assert.Contains("id=\"_x0031_7\"", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noun?", "part of speech")]
    [InlineData("", "no term")]
    [InlineData("\u0001", "U+0001")]
    public void An_entry_the_file_cannot_carry_is_refused_and_the_writer_stays_usable(string problem, string message)
    {
        var bad = problem switch
        {
            "noun?" => new TermbaseEntry { Korean = "포로", PartOfSpeech = problem },
            "" => new TermbaseEntry { Note = "only a note" },
            _ => new TermbaseEntry { Korean = "포로" + problem },
        };
        var output = new MemoryStream();
        using var writer = new TbxWriter(output);

        var error = Assert.Throws<ArgumentException>(() => writer.WriteEntry(bad));
        writer.WriteEntry(Entries[0]);
        writer.Complete();

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        using var reader = new TbxReader(new MemoryStream(output.ToArray()));
        Assert.Equal([Entries[0]], reader.ReadEntries().ToList());
    }

    [Fact]
    public void A_repeated_id_is_refused()
    {
        using var writer = new TbxWriter(new MemoryStream());
        writer.WriteEntry(Entries[0]);

        var error = Assert.Throws<ArgumentException>(() => writer.WriteEntry(Entries[0] with { Korean = "김정일" }));

        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_asynchronously_gives_the_same_file()
    {
        var output = new MemoryStream();

        var count = await TbxWriter.WriteAsync(output, Entries.ToAsyncEnumerable());

        Assert.Equal(Entries.Length, count);
        Assert.Equal(Write(Entries), output.ToArray());
    }

    private static byte[] Write(IEnumerable<TermbaseEntry> entries)
    {
        var output = new MemoryStream();
        TbxWriter.Write(output, entries);
        return output.ToArray();
    }
}
