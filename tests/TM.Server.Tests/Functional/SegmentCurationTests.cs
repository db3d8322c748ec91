using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>A reviewer correcting the memory in place: one pair read, edited or deleted, seen by the next Lookup and Concordance.</summary>
public sealed class SegmentCurationTests : IAsyncLifetime
{
    private const string Memory = "review";
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-curation-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(_directory, "--no-seeds");
        using var call = _server.Client.ImportSegments();
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = Memory, Ko = "김일성은 스탈린 설득에 나섰다.", En = "Kim tried to persuade Staline." });
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = Memory, Ko = "휴전 협정이 체결되었다.", En = "The armistice was signed." });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_corrected_translation_is_what_the_next_lookup_and_concordance_find()
    {
        var match = (await LookupAsync("김일성은 스탈린 설득에 나섰다.")).Matches.Single();

        var edited = await _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Memory = Memory, SegmentId = match.SegmentId, En = "Kim tried to persuade Stalin.", Version = match.Version,
        });
        var after = (await LookupAsync("김일성은 스탈린 설득에 나섰다.")).Matches.Single();
        var typo = await _server.Client.ConcordanceAsync(new ConcordanceRequest { Memory = Memory, Term = "Staline" });
        var fixedWord = await _server.Client.ConcordanceAsync(new ConcordanceRequest { Memory = Memory, Term = "Stalin" });

        Assert.Equal("Kim tried to persuade Stalin.", edited.En);
        Assert.Equal("김일성은 스탈린 설득에 나섰다.", edited.Ko);
        Assert.True(edited.Version > match.Version);
        Assert.Equal("Kim tried to persuade Stalin.", after.Target);
        Assert.Equal(match.SegmentId, after.SegmentId);
        Assert.Equal(0, typo.Total);
        Assert.Equal(1, fixedWord.Total);
        var englishSide = await _server.Client.LookupAsync(new LookupRequest { Memory = Memory, Text = "Kim tried to persuade Stalin.", SourceLang = "en", MinScore = 100 });
        Assert.Single(englishSide.Matches);
        var withHistory = await _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = Memory, SegmentId = match.SegmentId, IncludeHistory = true });
        var previous = Assert.Single(withHistory.History);
        Assert.Equal(("Kim tried to persuade Staline.", match.Version, false), (previous.En, previous.Version, previous.Deleted));
    }

    [Fact]
    public async Task Two_reviewers_editing_the_same_version_the_second_is_aborted_and_told_the_current_version()
    {
        var segment = await GetByTextAsync("휴전 협정이 체결되었다.");

        await _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest { Memory = Memory, SegmentId = segment.SegmentId, En = "The armistice was concluded.", Version = segment.Version });
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Memory = Memory, SegmentId = segment.SegmentId, En = "The ceasefire was signed.", Version = segment.Version,
        }).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Contains("has changed since version", error.Status.Detail);
        Assert.Equal("The armistice was concluded.", (await _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = Memory, SegmentId = segment.SegmentId })).En);
    }

    [Fact]
    public async Task Two_reviewers_saving_the_same_version_at_once_one_wins_and_the_other_is_aborted_with_nothing_lost()
    {
        var segment = await GetByTextAsync("휴전 협정이 체결되었다.");
        string[] edits = ["The armistice was concluded.", "The ceasefire agreement was signed."];

        // Both calls in flight together: the version check runs inside the store's write transaction, one at a time.
        var outcomes = await Task.WhenAll(edits.Select(async english =>
        {
            try
            {
                return (english, (await _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest
                {
                    Memory = Memory, SegmentId = segment.SegmentId, En = english, Version = segment.Version,
                })).Version, StatusCode.OK);
            }
            catch (RpcException e)
            {
                return (english, 0L, e.StatusCode);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Item3 == StatusCode.OK);
        Assert.Equal(StatusCode.Aborted, Assert.Single(outcomes, o => o.Item3 != StatusCode.OK).Item3);
        var stored = await _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = Memory, SegmentId = segment.SegmentId, IncludeHistory = true });
        Assert.Equal((winner.english, winner.Item2), (stored.En, stored.Version));
        // The version both read is kept in the history: nothing was overwritten unseen.
        Assert.Equal("The armistice was signed.", Assert.Single(stored.History).En);
    }

    [Fact]
    public async Task A_deleted_pair_is_gone_from_lookups_and_cannot_be_read_again()
    {
        using (var call = _server.Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = Memory, Ko = "이 문장은 지워질 것이다.", En = "This sentence will be deleted." });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }
        var segment = await GetByTextAsync("이 문장은 지워질 것이다.");

        await _server.Client.DeleteSegmentAsync(new DeleteSegmentRequest { Memory = Memory, SegmentId = segment.SegmentId, Version = segment.Version });

        Assert.Empty((await LookupAsync("이 문장은 지워질 것이다.")).Matches);
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = Memory, SegmentId = segment.SegmentId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_edit_that_would_copy_another_pair_is_refused_and_changes_nothing()
    {
        var segment = await GetByTextAsync("김일성은 스탈린 설득에 나섰다.");
        var other = await GetByTextAsync("휴전 협정이 체결되었다.");

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Memory = Memory, SegmentId = other.SegmentId, Ko = segment.Ko, En = segment.En, Version = other.Version,
        }).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(other.Ko, (await _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = Memory, SegmentId = other.SegmentId })).Ko);
    }

    [Theory]
    [InlineData("abc", "x", "segment_id")]
    [InlineData("1", "", "ko, en or both")]
    [InlineData("1", "   ", "only whitespace")]
    public async Task A_bad_edit_request_is_refused_saying_what_to_fix(string id, string english, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Memory = Memory, SegmentId = id, En = english, Version = 1,
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    [Fact]
    public async Task An_export_after_review_carries_the_fix_with_its_history_and_not_the_deleted_pair()
    {
        using (var call = _server.Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "export-review", Ko = "스탈린은 동의하였다.", En = "Staline agreed." });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "이 쌍은 잘못 정렬되었다.", En = "A misaligned sentence." });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }
        var pairs = await _server.Client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "export-review" });
        var (typo, wrong) = (pairs.Segments[0], pairs.Segments[1]);
        await Task.Delay(1100); // TMX dates are in whole seconds: the edit must be a later one
        await _server.Client.UpdateSegmentAsync(new UpdateSegmentRequest { Memory = "export-review", SegmentId = typo.SegmentId, En = "Stalin agreed.", Version = typo.Version });
        await _server.Client.DeleteSegmentAsync(new DeleteSegmentRequest { Memory = "export-review", SegmentId = wrong.SegmentId, Version = wrong.Version });
        await _server.Client.ConfirmUseAsync(new ConfirmUseRequest { Memory = "export-review", SegmentId = typo.SegmentId });

        var exported = await StoredPairs.ReadAsync(_server.Client, "export-review");

        var unit = Assert.Single(exported);
        Assert.Equal("Stalin agreed.", unit.English);
        Assert.True(unit.ChangeDate > unit.CreationDate);
        Assert.Equal(1, unit.UsageCount);
        Assert.NotNull(unit.LastUsageDate);
    }

    [Fact]
    public async Task A_confirmed_use_is_counted_without_moving_the_version()
    {
        var segment = await GetByTextAsync("휴전 협정이 체결되었다.");

        await _server.Client.ConfirmUseAsync(new ConfirmUseRequest { Memory = Memory, SegmentId = segment.SegmentId });
        var used = await _server.Client.ConfirmUseAsync(new ConfirmUseRequest { Memory = Memory, SegmentId = segment.SegmentId });
        var match = (await LookupAsync("휴전 협정이 체결되었다.")).Matches.First(m => m.SegmentId == segment.SegmentId);

        Assert.Equal(segment.UsageCount + 2, used.UsageCount);
        Assert.Equal(segment.Version, used.Version);
        Assert.NotEqual("", used.LastUsed);
        Assert.Equal(used.UsageCount, match.UsageCount);
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.ConfirmUseAsync(new ConfirmUseRequest { Memory = Memory, SegmentId = "999999" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_memory_is_browsed_a_page_at_a_time_oldest_first_with_filters()
    {
        using (var call = _server.Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "browse", Ko = "첫째 문장", En = "first", Origin = "a.tsv" });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "둘째 문장", En = "second", Origin = "b.tsv" });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "셋째 문장", En = "third", Origin = "a.tsv" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        var first = await _server.Client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "browse", MaxResults = 2 });
        var second = await _server.Client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "browse", MaxResults = 2, PageToken = first.NextPageToken });
        var filtered = await _server.Client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "browse", Origin = "a.tsv" });

        Assert.Equal(3, first.Total);
        Assert.Equal(["first", "second"], first.Segments.Select(s => s.En));
        Assert.Equal(["third"], second.Segments.Select(s => s.En));
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(2, filtered.Total);
        Assert.Equal(["first", "third"], filtered.Segments.Select(s => s.En));
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.ListSegmentsAsync(new ListSegmentsRequest { Memory = "browse", PageToken = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail);
    }

    [Fact]
    public async Task A_segment_of_another_memory_is_not_found_there()
    {
        var segment = await GetByTextAsync("휴전 협정이 체결되었다.");

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = "", SegmentId = segment.SegmentId }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private async Task<LookupResponse> LookupAsync(string text) =>
        await _server.Client.LookupAsync(new LookupRequest { Memory = Memory, Text = text, SourceLang = "ko", MinScore = 90 });

    private async Task<Segment> GetByTextAsync(string korean)
    {
        var match = (await LookupAsync(korean)).Matches.First(m => m.Source == korean);
        return await _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = Memory, SegmentId = match.SegmentId });
    }
}
