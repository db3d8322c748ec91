using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Pretranslation;

/// <summary>
/// Issue 17's check: each seed's Korean side pretranslated against a memory holding the other seed and the gold
/// documents of tests/TM.Text.Tests/Gold/Documents (abstracts on the same war by other authors), then again once the
/// memory holds the seed itself. The expected bands were checked by hand against the seeds' gold alignment.
/// </summary>
public sealed class SeedAnalysisTests : IAsyncLifetime
{
    private const string Seed000 = "000_b27f1fa4f67f99f4.txt";
    private const string Seed001 = "001_86855117e051cb78.txt";

    private readonly string _directory = Directory.CreateTempSubdirectory("tm-seed-analysis-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(_directory, "--no-seeds");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Seed_000_is_new_work_against_other_abstracts_and_its_own_pairs_once_stored()
    {
        await FillAsync("analysis-000", Seed001);

        var (before, report) = await PretranslateAsync("analysis-000", Seed000);
        // 11 Korean sentences (the "초록 열기/닫기 버튼" line is page furniture, left out); words are eojeol, counted by
        // hand for sentence 7: 1952년 4월까지 쌍방은 포로교환 의제를 제외한 모든 의제에서 합의를 이루었다. = 10 eojeol, 36 characters.
        Assert.Equal(11, before.Count);
        Assert.Equal((10, 36), (before[7].Words, before[7].Characters));
        Assert.All(before, s => Assert.Equal(AnalysisBand.NoMatch, s.Band));
        Assert.Equal((11, 171L, 584L), (report.TotalSegments, report.TotalWords, report.TotalCharacters));
        Assert.Equal((11, 100.0), Row(report, AnalysisBand.NoMatch));

        await ImportAsync("analysis-000", Path.Combine(RepositoryPaths.Seeds, Seed000));
        var (after, reportAfter) = await PretranslateAsync("analysis-000", Seed000);

        // The gold: sentence 3 is a 1-0 bead (the English leaves it out), so no pair holds it; sentences 8 and 9 are
        // one 2-1 pair, each found whole inside it (a fragment at 100). A stored sentence is in context when its stored
        // neighbours are the document's: not 2 and 4 (beside the unstored 3), not 7 and 10 (beside the 2-1 pair, whose
        // text is two sentences), nor 8 and 9 (fragments).
        Assert.Equal(
            [AnalysisBand.Context, AnalysisBand.Context, AnalysisBand.Exact, AnalysisBand.NoMatch, AnalysisBand.Exact, AnalysisBand.Context,
             AnalysisBand.Context, AnalysisBand.Exact, AnalysisBand.Exact, AnalysisBand.Exact, AnalysisBand.Exact],
            after.Select(s => s.Band));
        Assert.Equal([MatchKind.Fragment, MatchKind.Fragment], after.Skip(8).Take(2).Select(s => s.Match.Kind));
        Assert.Equal((4, 39.8), Row(reportAfter, AnalysisBand.Context));
        Assert.Equal((6, 52.0), Row(reportAfter, AnalysisBand.Exact));
        Assert.Equal((1, 8.2), Row(reportAfter, AnalysisBand.NoMatch));
    }

    [Fact]
    public async Task Seed_001_is_new_work_against_other_abstracts_and_all_in_context_once_stored()
    {
        await FillAsync("analysis-001", Seed000);

        var (before, report) = await PretranslateAsync("analysis-001", Seed001);
        Assert.Equal(10, before.Count);
        // The last sentence, by hand: 따라서 휴전 협정은 7월 26일 체결될 수 있었다. = 8 eojeol, 21 characters.
        Assert.Equal((8, 21), (before[9].Words, before[9].Characters));
        Assert.All(before, s => Assert.Equal(AnalysisBand.NoMatch, s.Band));
        Assert.Equal((10, 217L, 668L), (report.TotalSegments, report.TotalWords, report.TotalCharacters));

        await ImportAsync("analysis-001", Path.Combine(RepositoryPaths.Seeds, Seed001));
        var (after, reportAfter) = await PretranslateAsync("analysis-001", Seed001);

        // Every bead of seed 001 is a 1-1 or a 1-2: each Korean sentence is a stored source between its own neighbours.
        Assert.All(after, s => Assert.Equal(AnalysisBand.Context, s.Band));
        Assert.Equal((10, 100.0), Row(reportAfter, AnalysisBand.Context));
    }

    private static (int Segments, double WordsPercent) Row(AnalysisReport report, AnalysisBand band)
    {
        var row = report.Bands.Single(b => b.Band == band);
        return (row.Segments, row.WordsPercent);
    }

    private async Task FillAsync(string memory, string otherSeed)
    {
        await ImportAsync(memory, Path.Combine(RepositoryPaths.Seeds, otherSeed));
        foreach (var document in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "tests", "TM.Text.Tests", "Gold", "Documents"), "*.txt").Order())
            await ImportAsync(memory, document);
    }

    private async Task<(List<Protos.V1.PretranslatedSentence> Sentences, AnalysisReport Report)> PretranslateAsync(string memory, string seed)
    {
        using var call = _server.Client.Pretranslate(new PretranslateRequest
        {
            Memory = memory, Text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Seeds, seed)), SourceLang = "ko", Name = seed,
        });
        var sentences = new List<Protos.V1.PretranslatedSentence>();
        AnalysisReport? report = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.ItemCase == PretranslateResponse.ItemOneofCase.Sentence)
                sentences.Add(message.Sentence);
            else if (message.ItemCase == PretranslateResponse.ItemOneofCase.Report)
                report = message.Report;
        }
        return (sentences, report ?? throw new InvalidOperationException("No report came."));
    }

    private async Task ImportAsync(string memory, string path)
    {
        var imported = await _server.Client.ImportDocumentAsync(new ImportDocumentRequest { Memory = memory, Name = Path.GetFileName(path), Text = await File.ReadAllTextAsync(path) });
        Assert.True(imported.PairsStored > 0, path);
    }
}
