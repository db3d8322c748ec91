using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>Lookups restricted to part of a memory: the best matches among the pairs that pass, not the passing part of the best.</summary>
public sealed class LookupFilterTests : IAsyncLifetime
{
    private const string Memory = "filters";
    private const string Query = "휴전 협정은 판문점에서 조인되었다.";
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-filters-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(_directory, "--no-seeds");
        // Five close matches from one journal, and a weaker one from another: unfiltered, the weaker is sixth.
        var journal = new List<(string, string)>();
        foreach (var place in new[] { "판문점에서", "개성에서", "문산에서", "평양에서", "서울에서" })
            journal.Add(($"휴전 협정은 {place} 조인되었다.", $"The armistice was signed ({place})."));
        await ImportAsync("journal-a.tmx", [.. journal]);
        await ImportAsync("journal-b.tmx", ("결국 휴전 협정은 판문점에서 조인되지 못하였다.", "In the end the armistice was not signed at Panmunjom."));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_origin_filter_finds_that_origins_best_match_even_outside_the_unfiltered_top_k()
    {
        var unfiltered = await LookupAsync(new LookupRequest { MaxResults = 5 });
        var filtered = await LookupAsync(new LookupRequest { MaxResults = 1, Origin = "journal-b.tmx" });

        Assert.DoesNotContain(unfiltered.Matches, m => m.Origin == "journal-b.tmx");
        var match = Assert.Single(filtered.Matches);
        Assert.Equal("journal-b.tmx", match.Origin);
        Assert.StartsWith("결국 휴전 협정은", match.Source);
    }

    [Fact]
    public async Task An_import_filter_and_a_date_range_restrict_the_matches()
    {
        var imports = await _server.Client.ListImportsAsync(new ListImportsRequest { Memory = Memory });
        var journalA = imports.Imports.Single(i => i.Name == "journal-a.tmx").ImportId;

        var byImport = await LookupAsync(new LookupRequest { MaxResults = 10, ImportId = journalA });
        var beforeAnything = await LookupAsync(new LookupRequest { ChangedBefore = "2000-01-01T00:00:00Z" });
        var sinceAnHourAgo = await LookupAsync(new LookupRequest { MaxResults = 10, ChangedAfter = DateTimeOffset.UtcNow.AddHours(-1).ToString("O") });

        Assert.Equal(5, byImport.Matches.Count);
        Assert.All(byImport.Matches, m => Assert.Equal(journalA, m.ImportId));
        Assert.Empty(beforeAnything.Matches);
        Assert.Equal(6, sinceAnHourAgo.Matches.Count);
    }

    [Fact]
    public async Task A_batch_applies_its_filter_to_every_text()
    {
        var request = new LookupBatchRequest { Memory = Memory, Origin = "journal-b.tmx", Texts = { Query, "휴전 협정은 개성에서 조인되었다." } };

        var response = await _server.Client.LookupBatchAsync(request);

        Assert.All(response.Results, r => Assert.All(r.Matches, m => Assert.Equal("journal-b.tmx", m.Origin)));
        Assert.NotEmpty(response.Results[0].Matches);
    }

    [Theory]
    [InlineData("yesterday", "changed_after")]
    [InlineData("2026-13-01", "changed_after")]
    public async Task A_filter_that_is_not_a_time_is_refused_naming_the_field(string value, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => LookupAsync(new LookupRequest { ChangedAfter = value }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail);
    }

    private async Task<LookupResponse> LookupAsync(LookupRequest request)
    {
        request.Memory = Memory;
        request.Text = Query;
        request.SourceLang = "ko";
        return await _server.Client.LookupAsync(request);
    }

    private async Task ImportAsync(string origin, params (string Ko, string En)[] pairs)
    {
        using var call = _server.Client.ImportSegments();
        var first = true;
        foreach (var (ko, en) in pairs)
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = Memory, Ko = ko, En = en, Origin = origin, ImportName = first ? origin : "" });
            first = false;
        }
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }
}
