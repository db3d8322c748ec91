using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>Context (101%) matches on the seeded memory: the same sentence between the same neighbours as in the document it came from.</summary>
public sealed class ContextMatchTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_same_sentence_between_the_same_neighbours_is_a_context_match()
    {
        var (previous, sentence, next) = await ThreeConsecutiveKoreanSentencesAsync();

        var inContext = await LookupAsync(sentence, previous, next);
        var otherNeighbour = await LookupAsync(sentence, "전혀 다른 문장이 앞에 있었다.", next);
        var noContext = await LookupAsync(sentence, "", "");

        Assert.Equal(MatchKind.Context, inContext.Matches[0].Kind);
        Assert.Equal(100, inContext.Matches[0].Score);
        Assert.Equal(MatchKind.Segment, otherNeighbour.Matches[0].Kind);
        Assert.Equal(MatchKind.Segment, noContext.Matches[0].Kind);
    }

    [Fact]
    public async Task A_batch_in_document_order_gives_each_sentence_its_neighbours_as_context()
    {
        var (previous, sentence, next) = await ThreeConsecutiveKoreanSentencesAsync();

        var inOrder = await server.Client.LookupBatchAsync(new LookupBatchRequest { Texts = { previous, sentence, next }, InDocumentOrder = true });
        var notSaid = await server.Client.LookupBatchAsync(new LookupBatchRequest { Texts = { previous, sentence, next } });

        Assert.Equal(MatchKind.Context, inOrder.Results[1].Matches[0].Kind);
        Assert.Equal(MatchKind.Segment, notSaid.Results[1].Matches[0].Kind);
    }

    [Fact]
    public async Task A_neighbour_longer_than_a_sentence_may_be_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => LookupAsync("휴전", new string('가', 10_001), ""));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("previous_text", error.Status.Detail);
    }

    private async Task<LookupResponse> LookupAsync(string text, string previous, string next) =>
        await server.Client.LookupAsync(new LookupRequest { Text = text, SourceLang = "ko", PreviousText = previous, NextText = next });

    // Pairs 3 to 5 of the first seed document, as the aligner stored them.
    private async Task<(string Previous, string Sentence, string Next)> ThreeConsecutiveKoreanSentencesAsync()
    {
        var pairs = await StoredPairs.ReadAsync(server.Client);
        return (pairs[2].Korean, pairs[3].Korean, pairs[4].Korean);
    }
}
