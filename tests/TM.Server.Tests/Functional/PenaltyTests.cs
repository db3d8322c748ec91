using Grpc.Core;
using TM.Matching;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>Penalties as a translator meets them: two translations of one sentence, pairs the aligner made, and the limits a request may set.</summary>
public sealed class PenaltyTests : IAsyncLifetime
{
    private const string Memory = "penalties";
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-penalties-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(_directory);
        await ImportAsync(
            ("휴전 협정은 판문점에서 조인되었다.", "The armistice was signed at Panmunjom."),
            ("휴전 협정은 판문점에서 조인되었다.", "The Armistice Agreement was signed in Panmunjom."),
            ("포로 송환 문제가 협상을 지연시켰다.", "The question of prisoner repatriation delayed the talks."));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Two_translations_of_one_sentence_both_come_back_below_100_and_say_why()
    {
        var response = await LookupAsync("휴전 협정은 판문점에서 조인되었다.");

        Assert.Equal(2, response.Matches.Count);
        Assert.All(response.Matches, m =>
        {
            Assert.Equal(99, m.Score);
            var penalty = Assert.Single(m.Penalties);
            Assert.Equal("multiple_translations", penalty.Reason);
            Assert.Equal(1, penalty.Points);
            Assert.False(m.Aligned);
        });
    }

    [Fact]
    public async Task A_request_with_penalties_gets_exactly_those_so_a_left_out_one_is_off()
    {
        var response = await LookupAsync("휴전 협정은 판문점에서 조인되었다.", new MatchPenalties { LowConfidence = 1 });

        Assert.All(response.Matches, m => Assert.Equal(100, m.Score));
        Assert.All(response.Matches, m => Assert.Empty(m.Penalties));
    }

    [Fact]
    public async Task A_pair_the_aligner_made_says_so_and_ranks_below_an_imported_one_when_penalised()
    {
        const string seed = "따라서 휴전 협정은 7월 26일 체결될 수 있었다.";
        await ImportAsync((seed, "Hence the armistice could be concluded on 26 July."));

        var unpenalised = await _server.Client.LookupAsync(new LookupRequest { Text = seed });
        var penalised = await LookupAsync(seed, new MatchPenalties { Aligned = 3 }, memory: "");
        var imported = await LookupAsync(seed, new MatchPenalties { Aligned = 3, MultipleTranslations = 1, LowConfidence = 1 });

        Assert.True(unpenalised.Matches[0].Aligned);
        Assert.Equal(100, unpenalised.Matches[0].Score);
        Assert.Equal(97, penalised.Matches[0].Score);
        Assert.Equal("aligned", Assert.Single(penalised.Matches[0].Penalties).Reason);
        Assert.False(imported.Matches[0].Aligned);
        Assert.Equal(100, imported.Matches[0].Score);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(double.NaN)]
    public async Task A_penalty_outside_0_to_100_is_refused_with_the_field_named(double points)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => LookupAsync("휴전", new MatchPenalties { LowConfidence = points }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("penalties.low_confidence", error.Status.Detail);
    }

    [Fact]
    public async Task Penalised_top_k_equals_brute_force_over_every_stored_pair()
    {
        // Many alternatives of a few sources, so that penalised pairs sit at the cut of a small k.
        var random = new Random(7);
        string[] words = ["휴전", "협상", "포로", "송환", "회담", "군사", "분계선", "유엔군", "중국군", "판문점", "개성", "정전"];
        var pairs = new List<(string Ko, string En)>();
        for (var i = 0; i < 150; i++)
        {
            var ko = string.Join(" ", Enumerable.Range(0, random.Next(3, 7)).Select(_ => words[random.Next(words.Length)])) + ".";
            pairs.Add((ko, "Translation " + i));
            if (random.Next(3) == 0)
                pairs.Add((ko, "Alternative " + i));
        }
        await ImportAsync("brute", [.. pairs]);
        var scorer = new FuzzyScorer();

        for (var q = 0; q < 40; q++)
        {
            var query = pairs[random.Next(pairs.Count)].Ko.Replace(words[random.Next(words.Length)], words[random.Next(words.Length)], StringComparison.Ordinal);
            var response = await LookupAsync(query, memory: "brute", maxResults: 3);

            var translations = pairs.GroupBy(p => p.Ko).ToDictionary(g => g.Key, g => g.Select(p => p.En).Distinct().Count());
            var expected = pairs.Distinct()
                .Select(p => scorer.Score(query, p.Ko) - (translations[p.Ko] > 1 ? 1 : 0))
                .Where(s => s >= 50).OrderByDescending(s => s).Take(3).Select(s => Math.Round(s, 2)).ToList();
            Assert.True(expected.SequenceEqual(response.Matches.Select(m => m.Score)),
                $"query {query}: expected [{string.Join(", ", expected)}], got {string.Join("; ", response.Matches.Select(m => $"{m.Score} {m.Source} {m.Target} raw {scorer.Score(query, m.Source)}"))}");
        }
    }

    private Task<LookupResponse> LookupAsync(string text, MatchPenalties? penalties = null, string memory = Memory, int maxResults = 5) =>
        _server.Client.LookupAsync(new LookupRequest { Memory = memory, Text = text, Penalties = penalties, MaxResults = maxResults }).ResponseAsync;

    private Task ImportAsync(params (string Ko, string En)[] pairs) => ImportAsync(Memory, pairs);

    private async Task ImportAsync(string memory, params (string Ko, string En)[] pairs)
    {
        using var call = _server.Client.ImportSegments();
        foreach (var (ko, en) in pairs)
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = memory, Ko = ko, En = en });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }
}
