using System.Text;
using TM.Protos.V1;

namespace TM.Server.Tests.Imports;

/// <summary>ImportFile of XLIFF 2.0 against the real server: only translated segments become pairs, the format found by name, extension or content.</summary>
public sealed class XliffImportTests(SmallBatchServer server) : IClassFixture<SmallBatchServer>
{
    private static readonly byte[] Translated = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment before the root, as some tools write -->
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="ko-KR" trgLang="en-US">
          <file id="f1" original="talks.txt">
            <group id="p1">
              <unit id="u1">
                <mtc:matches><mtc:match ref="#s1" similarity="80"><source>휴전 회담은 개성에서 열렸다.</source><target>The armistice talks were held at Kaesong.</target></mtc:match></mtc:matches>
                <segment id="s1" state="translated"><source>휴전 회담은 판문점에서 열렸다.</source><target>The armistice talks were held at Panmunjom.</target></segment>
              </unit>
              <unit id="u2"><segment id="s1" state="initial"><source>초안은 아직 검토되지 않았다.</source><target>Draft not reviewed.</target></segment></unit>
              <unit id="u3"><segment id="s1"><source>번역되지 않은 문장.</source></segment></unit>
              <unit id="u4"><segment id="s1" state="final"><source>정전협정은 1953년에 서명되었다.</source><target>The Armistice Agreement was signed in 1953.</target></segment></unit>
            </group>
          </file>
        </xliff>
        """);

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    [Theory]
    [InlineData("talks.xlf", "")]
    [InlineData("talks.xml", "")]
    [InlineData("upload", "xliff")]
    public async Task Translated_segments_of_an_xliff_file_are_stored_and_drafts_are_left_out(string fileName, string format)
    {
        var memory = "xliff-" + Path.GetExtension(fileName).TrimStart('.') + format;

        var result = await FileUploads.ImportFileAsync(Client, FileUploads.Header(memory, fileName, format), Translated, 4096, null, null);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Last.PairsStored);
        Assert.Equal(2, result.Last.UnitsSkipped);
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = memory, Text = "휴전 회담은 판문점에서 열렸다." });
        Assert.Equal("The armistice talks were held at Panmunjom.", lookup.Matches[0].Target);
        Assert.Equal(100, lookup.Matches[0].Score);
        var draft = await Client.LookupAsync(new LookupRequest { Memory = memory, Text = "초안은 아직 검토되지 않았다." });
        Assert.DoesNotContain(draft.Matches, m => m.Target == "Draft not reviewed.");
    }

    [Fact]
    public async Task A_damaged_xliff_file_fails_with_its_line()
    {
        var damaged = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en"><file id="f1">
            <unit id="u1"><segment state="finished"><source>가</source><target>a</target></segment></unit>
            </file></xliff>
            """);

        var result = await FileUploads.ImportFileAsync(Client, FileUploads.Header("xliff-damaged", "damaged.xlf"), damaged, 4096, null, null);

        Assert.NotNull(result.Error);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, result.Error!.StatusCode);
        Assert.Contains("damaged.xlf, line 3", result.Error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("state=\"finished\"", result.Error.Status.Detail, StringComparison.Ordinal);
    }
}
