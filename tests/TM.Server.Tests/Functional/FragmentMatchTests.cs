using TM.Interchange;
using TM.Protos.V1;
using TM.Text;
using Xunit.Abstractions;

namespace TM.Server.Tests.Functional;

/// <summary>
/// Fragment matches on the seeded memory, as a translator meets them: a sentence the aligner stored inside a 2-1 or
/// 1-2 pair, queried alone, and a query made of several stored sentences.
/// </summary>
public sealed class FragmentMatchTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Every_sentence_of_a_stored_multi_sentence_pair_comes_back_first_as_a_fragment()
    {
        var pairs = await StoredPairsAsync();
        var checkedSentences = 0;
        foreach (var pair in pairs)
        {
            foreach (var (side, source, target) in new[] { ("ko", pair.Korean, pair.English), ("en", pair.English, pair.Korean) })
            {
                var sentences = SentenceSplitter.Default.Split(source, side == "ko" ? Language.Korean : Language.English);
                if (sentences.Count < 2)
                    continue;
                for (var i = 0; i < sentences.Count; i++)
                {
                    var response = await server.Client.LookupAsync(new LookupRequest { Text = sentences[i], SourceLang = side });

                    Assert.True(response.Matches.Count > 0, $"nothing for sentence {i} of \"{source}\"");
                    var best = response.Matches[0];
                    output.WriteLine($"{side} sentence {i + 1} of {sentences.Count}: {best.Kind} {best.Score} \"{sentences[i]}\"");
                    Assert.True(best.Score >= 95, $"sentence {i} of \"{source}\" came back first at {best.Score} ({best.Kind}: {best.Source})");
                    Assert.Equal(MatchKind.Fragment, best.Kind);
                    Assert.Equal(source, best.Source);
                    Assert.Equal(target, best.Target);
                    Assert.Equal(sentences[i], best.Source.Substring(best.SourceSpan.Start, best.SourceSpan.Length));
                    Assert.Equal(best.FragmentTarget, best.Target.Substring(best.TargetSpan.Start, best.TargetSpan.Length));
                    Assert.Null(best.QuerySpan);
                    checkedSentences++;
                }
            }
        }
        output.WriteLine($"{checkedSentences} sentences of multi-sentence pairs, each first as a fragment at >= 95");
        Assert.True(checkedSentences >= 4, $"the seeds hold only {checkedSentences} sentences in multi-sentence pairs");
    }

    [Fact]
    public async Task A_query_made_of_two_stored_sentences_returns_both_pairs_with_their_place_in_the_query()
    {
        const string first = "따라서 휴전 협정은 7월 26일 체결될 수 있었다.";
        var pairs = await StoredPairsAsync();
        var second = pairs.Select(p => p.Korean).First(k => k != first && k.Length > 40 && SentenceSplitter.Default.Split(k, Language.Korean).Count == 1);
        var query = first + " " + second;

        var response = await server.Client.LookupAsync(new LookupRequest { Text = query, SourceLang = "ko" });

        var forFirst = Assert.Single(response.Matches, m => m.Source == first);
        var forSecond = Assert.Single(response.Matches, m => m.Source == second);
        Assert.Equal(100, forFirst.Score);
        Assert.Equal(100, forSecond.Score);
        Assert.Equal(first, query.Substring(forFirst.QuerySpan.Start, forFirst.QuerySpan.Length));
        Assert.Equal(second, query.Substring(forSecond.QuerySpan.Start, forSecond.QuerySpan.Length));
    }

    [Fact]
    public async Task A_whole_segment_comes_before_its_own_sentences()
    {
        var pairs = await StoredPairsAsync();
        var pair = pairs.First(p => SentenceSplitter.Default.Split(p.English, Language.English).Count >= 2);

        var response = await server.Client.LookupAsync(new LookupRequest { Text = pair.English, SourceLang = "en", MaxResults = 10 });

        Assert.Equal(MatchKind.Segment, response.Matches[0].Kind);
        Assert.Equal(100, response.Matches[0].Score);
        // The pair answers the whole query: its sentences are not offered again as fragments of it.
        Assert.Single(response.Matches, m => m.Source == pair.English);
    }

    [Fact]
    public async Task A_pair_whose_sides_have_as_many_sentences_gives_the_matching_target_sentence()
    {
        var directory = Directory.CreateTempSubdirectory("tm-fragments-").FullName;
        try
        {
            await using var running = await RunningServer.StartAsync(directory, "--no-seeds");
            using (var call = running.Client.ImportSegments())
            {
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest
                {
                    Memory = "fragments",
                    Ko = "포로 송환 문제가 협상을 지연시켰다. 양측은 결국 자원 송환에 합의하였다.",
                    En = "The question of prisoner repatriation delayed the talks. Both sides finally agreed on voluntary repatriation.",
                });
                await call.RequestStream.CompleteAsync();
                await call.ResponseAsync;
            }

            var response = await running.Client.LookupAsync(new LookupRequest { Memory = "fragments", Text = "양측은 결국 자원 송환에 합의하였다.", SourceLang = "ko" });

            var match = Assert.Single(response.Matches);
            Assert.Equal(MatchKind.Fragment, match.Kind);
            Assert.Equal(100, match.Score);
            Assert.Equal("Both sides finally agreed on voluntary repatriation.", match.FragmentTarget);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Task<List<TranslationUnit>> StoredPairsAsync() => StoredPairs.ReadAsync(server.Client);
}
