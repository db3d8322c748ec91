using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TM.Protos.V1;
using TM.Server.Memory;

namespace TM.Server.Tests.Concordance;

/// <summary>
/// The search index's Korean hit counts against a brute-force substring scan of the stored texts, on 200 random terms
/// of 2 to 4 characters: equal for every one (the benchmark checks the same at a million pairs).
/// </summary>
public sealed class ConcordanceExactnessTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Memory = "exactness";
    private const int Pairs = 2_000;
    private const int Terms = 200;

    [Fact]
    public async Task Korean_hit_counts_equal_a_substring_scan_for_200_random_terms()
    {
        var catalog = server.Services.GetRequiredService<TranslationMemoryCatalog>();
        // Words of the seed abstracts, recombined into sentences that share words in many ways (as a real memory does).
        var words = catalog.ReadAll(catalog.Get(""))
            .SelectMany(segment => segment.Korean.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct()
            .ToArray();
        var random = new Random(20_261_207);
        var korean = Enumerable.Range(0, Pairs)
            .Select(i => string.Join(' ', Enumerable.Range(0, random.Next(3, 12)).Select(_ => words[random.Next(words.Length)])) + $" {i}")
            .ToArray();
        using (var call = server.Client.ImportSegments())
        {
            for (var i = 0; i < Pairs; i++)
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = i == 0 ? Memory : "", Ko = korean[i], En = $"Sentence {i}." });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        var terms = new List<string>();
        while (terms.Count < Terms)
        {
            // A run of 2-4 characters of a stored text without spaces: it occurs at least once, often many times.
            var text = korean[random.Next(Pairs)];
            var length = random.Next(2, 5);
            var start = random.Next(0, text.Length - length);
            var term = text.Substring(start, length);
            if (!term.Contains(' ', StringComparison.Ordinal))
                terms.Add(term);
        }

        var mismatches = new StringBuilder();
        foreach (var term in terms)
        {
            var expected = korean.Count(text => text.Contains(term, StringComparison.OrdinalIgnoreCase));
            var found = await server.Client.ConcordanceAsync(new ConcordanceRequest { Memory = Memory, Term = term, Lang = "ko", MaxResults = 1 });
            if (found.Total != expected)
                mismatches.Append($"'{term}': index {found.Total}, scan {expected}; ");
        }

        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }
}
