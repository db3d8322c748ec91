using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

public sealed class LookupTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string KoreanQuery =
        "1951년 6월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";

    private const string EnglishQuery =
        "In May 1953, no one in the Soviet leadership doubted any longer that the time had come for a settlement in Korea.";

    [Fact]
    public async Task Korean_query_returns_the_seed_sentence_with_its_translation_first()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery, SourceLang = "ko" });

        var best = response.Matches[0];
        Assert.StartsWith("1951년 5월 말 제5차 전역", best.Source);
        Assert.InRange(best.Score, 90.0, 99.99);
        Assert.Contains("5th campaign", best.Target);
        Assert.Equal("ko", response.SourceLang);
    }

    [Fact]
    public async Task English_query_returns_the_pair_whose_Korean_begins_with_1953년_5월에_이르면()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = EnglishQuery, SourceLang = "en" });

        Assert.StartsWith("1953년 5월에 이르면", response.Matches[0].Target);
        Assert.StartsWith("By May 1953", response.Matches[0].Source);
    }

    [Fact]
    public async Task Identical_sentence_scores_100()
    {
        const string seed = "따라서 휴전 협정은 7월 26일 체결될 수 있었다.";

        var response = await server.Client.LookupAsync(new LookupRequest { Text = seed });

        Assert.Equal(100, response.Matches[0].Score);
        Assert.Equal(seed, response.Matches[0].Source);
        Assert.Equal("Thus the cease-fire negotiations bore fruits in the armistice signed on 26 July.", response.Matches[0].Target);
    }

    [Fact]
    public async Task A_match_says_which_import_stored_it_when_and_by_whom()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." });
        var imports = await server.Client.ListImportsAsync(new ListImportsRequest());

        var match = response.Matches[0];
        Assert.Contains(imports.Imports, i => i.ImportId == match.ImportId);
        var created = DateTimeOffset.Parse(match.Created, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, created.Offset);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(match.Created, match.Changed); // never overwritten
        Assert.Equal("aligner", match.CreatedBy); // the server has no keys: the seeds were aligned from documents
    }

    [Fact]
    public async Task The_readme_example_comes_back_with_June_carried_into_the_translation()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery, SourceLang = "ko" });

        var best = response.Matches[0];
        Assert.Contains("May", best.Target);
        Assert.Contains("June", best.AdaptedTarget);
        Assert.DoesNotContain("May", best.AdaptedTarget);
        var adaptation = Assert.Single(best.Adaptations);
        Assert.Equal(("May", "June", "month"), (adaptation.Replaced, adaptation.Replacement, adaptation.Kind));
        Assert.Equal("May", best.Target.Substring(adaptation.TargetSpan.Start, adaptation.TargetSpan.Length));
        Assert.True(best.Score < 100); // adapted, not identical
    }

    [Theory]
    [InlineData("By June 1953, no one in the Soviet leadership doubted any longer that the time had come for a settlement in Korea.", "en", "1953년 6월에 이르면")]
    [InlineData("따라서 휴전 협정은 7월 27일 체결될 수 있었다.", "ko", "signed on 27 July.")]
    public async Task Dates_are_adapted_in_both_directions(string query, string lang, string expected)
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = query, SourceLang = lang });

        Assert.Contains(expected, response.Matches[0].AdaptedTarget);
        Assert.Empty(response.Matches[0].UnplacedNumbers);
    }

    [Fact]
    public async Task A_match_that_needs_no_adaptation_has_no_adapted_target()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." });

        Assert.Equal("", response.Matches[0].AdaptedTarget);
        Assert.Empty(response.Matches[0].Adaptations);
    }

    [Fact]
    public async Task Lookup_returns_best_match_first()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery, MaxResults = 10, MinScore = 1 });

        Assert.True(response.Matches.Count > 1);
        for (var i = 1; i < response.Matches.Count; i++)
            Assert.True(response.Matches[i - 1].Score >= response.Matches[i].Score);
    }

    [Fact]
    public async Task Source_language_is_detected_when_not_given()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = EnglishQuery });

        Assert.Equal("en", response.SourceLang);
        Assert.StartsWith("1953년 5월에 이르면", response.Matches[0].Target);
    }

    [Fact]
    public async Task Min_score_and_max_results_are_respected()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery, MaxResults = 1, MinScore = 1 });
        Assert.Single(response.Matches);

        var strict = await server.Client.LookupAsync(new LookupRequest { Text = "소련의 고위 지도자들", MinScore = 99 });
        Assert.Empty(strict.Matches);
    }

    [Fact]
    public async Task Unknown_memory_is_not_found_and_names_the_memories_that_exist()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Memory = "no-such-memory", Text = KoreanQuery }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("no-such-memory", error.Status.Detail);
        Assert.Contains("default", error.Status.Detail);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("?!...", "")]
    public async Task Query_with_nothing_to_match_is_invalid(string text, string expectedWord)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = text }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expectedWord, error.Status.Detail);
        await AssertStillServing();
    }

    [Fact]
    public async Task Ten_megabyte_sentence_is_rejected_with_its_size_and_the_limit()
    {
        var huge = new string('a', 10 * 1024 * 1024);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = huge }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("10,485,760", error.Status.Detail);
        Assert.Contains("limit", error.Status.Detail);
        await AssertStillServing();
    }

    [Fact]
    public async Task Message_above_the_size_limit_is_resource_exhausted()
    {
        var huge = new string('전', 10 * 1024 * 1024); // 30 MB of UTF-8

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = huge }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AssertStillServing();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("korean")]
    public async Task Unknown_source_language_is_invalid(string lang)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery, SourceLang = lang }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("\"ko\" or \"en\"", error.Status.Detail);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task Min_score_outside_0_to_100_is_invalid(double minScore)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery, MinScore = minScore }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task AssertStillServing()
    {
        var response = await server.Client.LookupAsync(new LookupRequest { Text = KoreanQuery });
        Assert.NotEmpty(response.Matches);
    }
}
