using System.Text;
using Google.Protobuf;
using Grpc.Core;
using TM.Interchange;
using TM.Protos.V1;

namespace TM.Server.Tests.Terminology;

/// <summary>Termbase files through the real server: TBX and CSV in (all or nothing), TBX out, and suggestions from the seeds.</summary>
public sealed class TermFileTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Tbx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>TM server tests</p></sourceDesc></fileDesc></tbxHeader>
          <text>
            <body>
              <conceptEntry id="stalin">
                <note>Soviet leader</note>
                <langSec xml:lang="ko">
                  <termSec><term>스탈린</term><termNote type="partOfSpeech">properNoun</termNote></termSec>
                </langSec>
                <langSec xml:lang="en">
                  <termSec><term>Stalin</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
                  <termSec><term>Staline</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
                </langSec>
              </conceptEntry>
              <conceptEntry id="armistice">
                <langSec xml:lang="ko-KR">
                  <termSec><term>정전협정</term></termSec>
                  <termSec><term>휴전협정</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
                </langSec>
                <langSec xml:lang="en-US">
                  <termSec><term>Armistice Agreement</term></termSec>
                </langSec>
              </conceptEntry>
              <conceptEntry id="french-only">
                <langSec xml:lang="fr"><termSec><term>armistice</term></termSec></langSec>
              </conceptEntry>
            </body>
          </text>
        </tbx>
        """;

    private TranslationMemory.TranslationMemoryClient Tm => server.Client;

    private async Task<string> NewMemoryAsync()
    {
        var name = $"files-{Guid.NewGuid():N}"[..20];
        await Tm.CreateMemoryAsync(new CreateMemoryRequest { Name = name });
        return name;
    }

    private async Task<ImportTermsResponse> ImportAsync(string memory, string fileName, string content, int chunkSize = 100)
    {
        using var call = Tm.ImportTerms();
        var bytes = Encoding.UTF8.GetBytes(content);
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            var message = new ImportTermsRequest { Chunk = ByteString.CopyFrom(bytes, offset, Math.Min(chunkSize, bytes.Length - offset)) };
            if (offset == 0)
            {
                message.Memory = memory;
                message.FileName = fileName;
            }
            try
            {
                await call.RequestStream.WriteAsync(message);
            }
            catch (RpcException)
            {
                break; // refused before the end: the status is the response's
            }
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private async Task<byte[]> ExportAsync(string memory)
    {
        using var call = Tm.ExportTerms(new ExportTermsRequest { Memory = memory });
        var bytes = new MemoryStream();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            chunk.Chunk.WriteTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task A_TBX_file_imports_and_exports_as_TBX_that_reads_back_to_the_same_entries()
    {
        var memory = await NewMemoryAsync();

        var imported = await ImportAsync(memory, "war.tbx", Tbx);
        var exported = await ExportAsync(memory);
        using var reader = new TbxReader(new MemoryStream(exported), "export.tbx");
        var entries = reader.ReadEntries().ToList();
        var again = await ImportAsync(await NewMemoryAsync(), "again.tbx", Encoding.UTF8.GetString(exported));

        Assert.Equal((2, 2, 0, 0, 1), (imported.EntriesRead, imported.EntriesAdded, imported.EntriesUpdated, imported.EntriesSkipped, imported.EntriesOtherLanguages));
        Assert.Equal(["스탈린", "정전협정"], entries.Select(e => e.Korean));
        Assert.Equal(["Staline"], entries[0].ForbiddenEnglish);
        Assert.Equal("properNoun", entries[0].PartOfSpeech);
        Assert.Equal("Soviet leader", entries[0].Note);
        Assert.Equal(["휴전협정"], entries[1].KoreanVariants);
        Assert.Equal(2, again.EntriesAdded);
        var lookup = await Tm.LookupAsync(new LookupRequest { Memory = memory, Text = "휴전협정은 1953년에 체결되었다." });
        Assert.Equal("Armistice Agreement", Assert.Single(lookup.QueryTerms).Translation);
    }

    [Fact]
    public async Task A_CSV_file_imports_and_an_entry_the_termbase_has_is_merged_or_skipped()
    {
        var memory = await NewMemoryAsync();
        await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "스탈린", En = "Stalin", Note = "kept" } });
        const string csv = "korean,english,forbidden_english,note\n스탈린,Stalin,Staline,imported\n\"마오쩌둥\",\"Mao Zedong\",\"Mao Tse-tung; Mao Tsetung\",\"Chairman, CCP\"\n판문점,Panmunjom,,\n";

        var first = await ImportAsync(memory, "terms.csv", csv);
        var second = await ImportAsync(memory, "terms.csv", csv);
        var terms = await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory });

        Assert.Equal((3, 2, 1, 0), (first.EntriesRead, first.EntriesAdded, first.EntriesUpdated, first.EntriesSkipped));
        Assert.Equal((0, 0, 3), (second.EntriesAdded, second.EntriesUpdated, second.EntriesSkipped));
        var stalin = terms.Terms.Single(t => t.En == "Stalin");
        Assert.Equal(["Staline"], stalin.ForbiddenEn);
        Assert.Equal("kept", stalin.Note);
        Assert.Equal(["Mao Tse-tung", "Mao Tsetung"], terms.Terms.Single(t => t.Ko == "마오쩌둥").ForbiddenEn);
        Assert.Equal("Chairman, CCP", terms.Terms.Single(t => t.Ko == "마오쩌둥").Note);
    }

    [Fact]
    public async Task A_damaged_TBX_file_is_invalid_argument_naming_its_line_and_nothing_is_imported()
    {
        var memory = await NewMemoryAsync();
        var damaged = Tbx.Replace("<termSec><term>정전협정</term></termSec>", "<termSec><term>정전협정</termSec>", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(memory, "broken.tbx", damaged));
        var terms = await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("broken.tbx", error.Status.Detail);
        Assert.Contains("line 18", error.Status.Detail);
        Assert.Contains("Nothing was imported", error.Status.Detail);
        Assert.Equal(0, terms.Total);
    }

    [Fact]
    public async Task A_CSV_entry_that_breaks_the_rules_is_invalid_argument_naming_the_entry_and_nothing_is_imported()
    {
        var memory = await NewMemoryAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(memory, "terms.csv", "korean,english,part_of_speech\n판문점,Panmunjom,noun\n휴전,truce,properNoun\n" +
            "정전,\"" + new string('a', 1_001) + "\",noun\n"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("terms.csv: entry 3", error.Status.Detail);
        Assert.Equal(0, (await Tm.ListTermsAsync(new ListTermsRequest { Memory = memory })).Total);
    }

    [Fact]
    public async Task SuggestTerms_called_several_times_at_once_answers_each_the_same_one_after_another()
    {
        var memory = await NewMemoryAsync();
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
            await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = memory, Name = Path.GetFileName(seed), Text = await File.ReadAllTextAsync(seed) });

        // The server runs one extraction at a time (each can hold a few hundred MB at its limit); the others wait their turn.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Tm.SuggestTermsAsync(new SuggestTermsRequest { Memory = memory, MaxResults = 10 }).ResponseAsync));

        Assert.All(answers, a => Assert.Equal(answers[0].Suggestions.Select(s => s.Ko + "=" + s.En), a.Suggestions.Select(s => s.Ko + "=" + s.En)));
        Assert.NotEmpty(answers[0].Suggestions);
    }

    [Fact]
    public async Task SuggestTerms_on_the_seeds_returns_candidates_with_examples_and_marks_those_the_termbase_has()
    {
        var memory = await NewMemoryAsync();
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
            await Tm.ImportDocumentAsync(new ImportDocumentRequest { Memory = memory, Name = Path.GetFileName(seed), Text = await File.ReadAllTextAsync(seed) });

        var first = await Tm.SuggestTermsAsync(new SuggestTermsRequest { Memory = memory, MaxResults = 20 });
        var accepted = first.Suggestions[0];
        await Tm.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = accepted.Ko, En = accepted.En, Source = "extracted" } });
        var second = await Tm.SuggestTermsAsync(new SuggestTermsRequest { Memory = memory, MaxResults = 20 });

        Assert.NotEmpty(first.Suggestions);
        Assert.True(first.Suggestions.Count <= 20);
        Assert.True(first.PairsRead > 0);
        Assert.False(first.Truncated);
        Assert.All(first.Suggestions, s =>
        {
            Assert.True(s.Frequency >= 2, $"{s.Ko} = {s.En} seen {s.Frequency} times");
            Assert.InRange(s.Examples.Count, 1, 2);
            Assert.Contains(s.Ko.Split(' ')[0], string.Concat(s.Examples.Select(e => e.Ko)), StringComparison.Ordinal);
            Assert.False(s.InTermbase);
        });
        Assert.Equal(first.Suggestions.Select(s => s.Ko + "=" + s.En), second.Suggestions.Select(s => s.Ko + "=" + s.En));
        Assert.True(second.Suggestions[0].InTermbase);
        Assert.All(second.Suggestions.Skip(1), s => Assert.False(s.InTermbase));
    }
}
