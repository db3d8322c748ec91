using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Services;

namespace TM.Server.Tests.Functional;

/// <summary>LookupBatch on the seeded server: many sentences in one call, each answered as Lookup answers it, in order.</summary>
public sealed class LookupBatchTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Texts =
    [
        "1951년 6월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.",
        "In May 1953, no one in the Soviet leadership doubted any longer that the time had come for a settlement in Korea.",
        "따라서 휴전 협정은 7월 26일 체결될 수 있었다.",
        "전혀 관계없는 문장입니다.",
        "Thus the cease-fire negotiations bore fruits in the armistice signed on 26 July.",
    ];

    [Fact]
    public async Task Each_text_gets_the_answer_Lookup_gives_it_in_request_order()
    {
        var request = new LookupBatchRequest { MaxResults = 3, MinScore = 40 };
        request.Texts.AddRange(Texts);

        var batch = await server.Client.LookupBatchAsync(request);

        Assert.Equal(Texts.Length, batch.Results.Count);
        for (var i = 0; i < Texts.Length; i++)
        {
            var single = await server.Client.LookupAsync(new LookupRequest { Text = Texts[i], MaxResults = 3, MinScore = 40 });
            Assert.Equal(single, batch.Results[i]);
        }
        Assert.Equal(["ko", "en", "ko", "ko", "en"], batch.Results.Select(r => r.SourceLang));
        Assert.Equal(100, batch.Results[2].Matches[0].Score);
        Assert.Empty(batch.Results[3].Matches);
    }

    [Fact]
    public async Task A_text_with_nothing_to_match_gets_no_matches_and_the_others_are_answered()
    {
        var request = new LookupBatchRequest();
        request.Texts.AddRange(["—", Texts[2], "…", "?!"]);

        var batch = await server.Client.LookupBatchAsync(request);

        Assert.Empty(batch.Results[0].Matches);
        Assert.Equal(100, batch.Results[1].Matches[0].Score);
        Assert.Empty(batch.Results[2].Matches);
        Assert.Empty(batch.Results[3].Matches);
        Assert.Equal(4, batch.Results.Count);
    }

    [Fact]
    public async Task A_given_language_applies_to_every_text()
    {
        var request = new LookupBatchRequest { SourceLang = "en" };
        request.Texts.AddRange([Texts[1], Texts[2]]);

        var batch = await server.Client.LookupBatchAsync(request);

        Assert.All(batch.Results, r => Assert.Equal("en", r.SourceLang));
        Assert.Empty(batch.Results[1].Matches); // a Korean sentence matched against the English side
    }

    [Fact]
    public async Task An_empty_text_is_refused_naming_its_position()
    {
        var request = new LookupBatchRequest();
        request.Texts.AddRange([Texts[0], Texts[1], "  "]);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.LookupBatchAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("texts[2]", error.Status.Detail);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(RequestLimits.MaxLookupBatchTexts + 1, 0)]
    [InlineData(1_000, 100)]
    public async Task Batches_past_their_bounds_are_refused_with_what_to_send_instead(int texts, int maxResults)
    {
        var request = new LookupBatchRequest { MaxResults = maxResults };
        request.Texts.AddRange(Enumerable.Repeat(Texts[2], texts));

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.LookupBatchAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(texts == 1_000 ? "fewer" : "1..1000", error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_memory_is_not_found()
    {
        var request = new LookupBatchRequest { Memory = "no-such-memory" };
        request.Texts.Add(Texts[0]);

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Client.LookupBatchAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_thousand_sentences_are_answered_in_one_call()
    {
        var request = new LookupBatchRequest { MaxResults = 1 };
        request.Texts.AddRange(Enumerable.Range(0, RequestLimits.MaxLookupBatchTexts).Select(i => Texts[i % Texts.Length]));

        var batch = await server.Client.LookupBatchAsync(request);

        Assert.Equal(RequestLimits.MaxLookupBatchTexts, batch.Results.Count);
        for (var i = 0; i < batch.Results.Count; i++)
            Assert.Equal(i % Texts.Length == 3 ? 0 : 1, batch.Results[i].Matches.Count);
    }
}
