using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TM.Server.Memory;
using TM.Protos.V1;
using TM.Text;
using Xunit.Abstractions;

namespace TM.Server.Tests.Functional;

/// <summary>The aligner learns from a memory's pairs: a document aligned into that memory comes out better.</summary>
public sealed class LearnedAlignmentTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private static readonly string LearnedData = Path.Combine(RepositoryPaths.Root, "tests", "TM.Text.Tests", "Gold", "Learned");

    [Fact]
    public async Task Pairs_imported_into_a_memory_teach_the_vocabulary_used_to_align_into_it()
    {
        // 24 pairs about refugee relief; they teach, among others, 전염병 → epidemic, which the document needs
        // to tell which of several similar sentences its English leaves out (see TM.Text.Tests' LearningCorpus).
        using (var call = server.Client.ImportSegments())
        {
            foreach (var line in File.ReadLines(Path.Combine(LearnedData, "relief-memory.jsonl")))
            {
                using var json = JsonDocument.Parse(line);
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest
                {
                    Memory = "relief",
                    Ko = string.Join(' ', json.RootElement.GetProperty("ko").EnumerateArray().Select(e => e.GetString())),
                    En = string.Join(' ', json.RootElement.GetProperty("en").EnumerateArray().Select(e => e.GetString())),
                });
            }
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }
        var document = await File.ReadAllTextAsync(Path.Combine(LearnedData, "civil-relief.txt"));
        IReadOnlyList<Bead> gold;
        using (var reader = File.OpenText(Path.Combine(LearnedData, "civil-relief.gold.jsonl")))
            gold = GoldAlignmentReader.Read(reader);

        var untaught = await server.Client.AlignDocumentAsync(new AlignDocumentRequest { Memory = "no-such-memory", Text = document });
        var taught = await server.Client.AlignDocumentAsync(new AlignDocumentRequest { Memory = "relief", Text = document });

        var before = Score(untaught, gold);
        var after = Score(taught, gold);
        output.WriteLine($"civil-relief.txt bead F1: {before.F1:0.000} aligned alone, {after.F1:0.000} aligned into the taught memory");
        // With the built-in glossary this document aligns well either way; TM.Text.Tests' LearnedAlignmentTests
        // measure the learned part alone. Here: the memory learned from its pairs, and that did not hurt.
        var catalog = server.Services.GetRequiredService<TranslationMemoryCatalog>();
        var memory = catalog.Find("relief")!;
        var learned = memory.Lexicon.Current(catalog.Store, memory.Info.Id);
        Assert.Equal("epidemic", learned.Translations["전염병"]);
        Assert.True(after.F1 >= before.F1, $"F1 {after.F1:0.000} with the learned vocabulary, {before.F1:0.000} without");
    }

    private static AlignmentScore Score(AlignDocumentResponse response, IReadOnlyList<Bead> gold) =>
        BeadEvaluator.Evaluate(
            response.Pairs.Select(p => new Bead(p.Ko.Length == 0 ? [] : [p.Ko], p.En.Length == 0 ? [] : [p.En], p.Confidence)),
            gold.Select(b => new Bead(b.Korean.Count == 0 ? [] : [b.KoreanText], b.English.Count == 0 ? [] : [b.EnglishText], 1)));
}
