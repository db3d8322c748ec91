using System.Text;
using TM.Protos.V1;

namespace TM.Server.Tests.Imports;

/// <summary>ImportFile of XLIFF 2.0 and 1.2 against the real server: only translated segments become pairs, the format found by name, extension or content.</summary>
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

    // The same pairs as XLIFF 1.2, English first as a CAT tool exporting an English project writes them.
    private static readonly byte[] Translated12 = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="talks.txt" source-language="en-US" target-language="ko-KR" datatype="plaintext">
            <body>
              <trans-unit id="u1" approved="yes"><source>The armistice talks were held at Panmunjom.</source><target>휴전 회담은 판문점에서 열렸다.</target></trans-unit>
              <trans-unit id="u2"><source>Draft not reviewed.</source><target state="needs-review-translation">초안은 아직 검토되지 않았다.</target></trans-unit>
              <trans-unit id="u3"><source>An untranslated sentence.</source></trans-unit>
              <trans-unit id="u4"><source>The Armistice Agreement was signed in 1953.</source><target state="translated">정전협정은 1953년에 서명되었다.</target></trans-unit>
            </body>
          </file>
        </xliff>
        """);

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    [Theory]
    [InlineData("talks.xlf", "", "2.0")]
    [InlineData("talks.xml", "", "2.0")]
    [InlineData("upload", "xliff", "2.0")]
    [InlineData("talks.xlf", "", "1.2")]
    [InlineData("talks.xml", "", "1.2")]
    [InlineData("upload", "xliff", "1.2")]
    public async Task Translated_units_of_an_xliff_file_are_stored_and_drafts_are_left_out(string fileName, string format, string version)
    {
        // Version 1.2 is told from 2.0 by its namespace, whichever way the format was found.
        var memory = "xliff" + version.Replace(".", "", StringComparison.Ordinal) + "-" + Path.GetExtension(fileName).TrimStart('.') + format;

        var result = await FileUploads.ImportFileAsync(Client, FileUploads.Header(memory, fileName, format), version == "1.2" ? Translated12 : Translated, 4096, null, null);

        Assert.Null(result.Error);
        Assert.Equal((2, 2), (result.Last.PairsStored, result.Last.UnitsSkipped));
        var lookup = await Client.LookupAsync(new LookupRequest { Memory = memory, Text = "휴전 회담은 판문점에서 열렸다." });
        Assert.Equal(("The armistice talks were held at Panmunjom.", 100.0), (lookup.Matches[0].Target, lookup.Matches[0].Score));
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
