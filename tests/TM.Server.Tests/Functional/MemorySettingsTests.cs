using Grpc.Core;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>Memories created on purpose, listed with their settings, and Lookups into them using those settings.</summary>
public sealed class MemorySettingsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-memories-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(_directory, "--no-seeds");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_created_memory_is_listed_with_its_settings_and_survives_a_restart()
    {
        var created = await _server.Client.CreateMemoryAsync(new CreateMemoryRequest
        {
            Name = "jkh",
            Settings = new MemorySettings { Description = "Journal of Korean History, 2024 volume", MinScore = 70 },
        });

        Assert.Equal("jkh", created.Name);
        Assert.Equal(0, created.Segments);
        await _server.DisposeAsync();
        _server = await RunningServer.StartAsync(_directory, "--no-seeds");
        var listed = (await _server.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories.Single(m => m.Name == "jkh");
        Assert.Equal("Journal of Korean History, 2024 volume", listed.Settings.Description);
        Assert.Equal(70, listed.Settings.MinScore);
        Assert.Null(listed.Settings.Penalties);
        Assert.Equal(created.Created, listed.Created);
    }

    [Fact]
    public async Task A_lookup_that_leaves_score_and_penalties_to_the_server_gets_the_memorys_own()
    {
        await _server.Client.CreateMemoryAsync(new CreateMemoryRequest
        {
            Name = "strict",
            Settings = new MemorySettings { MinScore = 95, Penalties = new MatchPenalties { MultipleTranslations = 5, LowConfidence = 1 } },
        });
        using (var call = _server.Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "strict", Ko = "휴전 협정이 체결되었다.", En = "The armistice was signed." });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "휴전 협정이 체결되었다.", En = "The Armistice Agreement was signed." });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "휴전 협상이 재개되었다.", En = "The armistice talks resumed." });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        var byMemory = await _server.Client.LookupAsync(new LookupRequest { Memory = "strict", Text = "휴전 협정이 체결되었다.", MinScore = 0 });
        var byRequest = await _server.Client.LookupAsync(new LookupRequest { Memory = "strict", Text = "휴전 협정이 체결되었다.", MinScore = 50, Penalties = new MatchPenalties() });

        Assert.Equal([95, 95], byMemory.Matches.Select(m => m.Score));
        Assert.Equal(3, byRequest.Matches.Count);
        Assert.Equal(100, byRequest.Matches[0].Score);
    }

    [Fact]
    public async Task Settings_can_be_replaced_and_the_next_lookup_uses_them()
    {
        await _server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "changing", Settings = new MemorySettings { MinScore = 99 } });

        var updated = await _server.Client.UpdateMemoryAsync(new UpdateMemoryRequest { Name = "changing", Settings = new MemorySettings { Description = "now open" } });

        Assert.Equal("now open", updated.Settings.Description);
        Assert.Equal(0, updated.Settings.MinScore);
    }

    [Theory]
    [InlineData("default", StatusCode.AlreadyExists, "already")]
    [InlineData("", StatusCode.InvalidArgument, "name")]
    [InlineData("-bad", StatusCode.InvalidArgument, "starting with a letter or a digit")]
    public async Task A_memory_that_cannot_be_created_is_refused_saying_why(string name, StatusCode code, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = name }).ResponseAsync);

        Assert.Equal(code, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail);
    }

    [Fact]
    public async Task A_deleted_memory_is_gone_from_the_list_lookups_and_concordance_and_its_name_is_free_again()
    {
        using (var call = _server.Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "short-lived", Ko = "흥남 철수 작전", En = "the Hungnam evacuation" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }

        var deleted = await _server.Client.DeleteMemoryAsync(new DeleteMemoryRequest { Name = "short-lived" });

        Assert.Equal(1, deleted.SegmentsDeleted);
        Assert.DoesNotContain((await _server.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories, m => m.Name == "short-lived");
        var lookup = await Assert.ThrowsAsync<RpcException>(() => _server.Client.LookupAsync(new LookupRequest { Memory = "short-lived", Text = "흥남 철수 작전" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        var recreated = await _server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "short-lived" });
        Assert.Equal(0, recreated.Segments);
        var concordance = await _server.Client.ConcordanceAsync(new ConcordanceRequest { Memory = "short-lived", Term = "흥남" });
        Assert.Equal(0, concordance.Total);
    }

    [Fact]
    public async Task A_renamed_memory_keeps_its_pairs_and_settings_and_takes_imports_under_its_new_name()
    {
        await _server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "before", Settings = new MemorySettings { Description = "kept" } });
        await ImportAsync("before", "흥남 철수 작전", "the Hungnam evacuation");

        var renamed = await _server.Client.RenameMemoryAsync(new RenameMemoryRequest { Name = "before", NewName = "after" });
        await ImportAsync("after", "장진호 전투", "the Battle of Chosin Reservoir");
        var lookup = await _server.Client.LookupAsync(new LookupRequest { Memory = "after", Text = "흥남 철수 작전", MinScore = 100 });
        var taken = await Assert.ThrowsAsync<RpcException>(() =>
            _server.Client.RenameMemoryAsync(new RenameMemoryRequest { Name = "after", NewName = "default" }).ResponseAsync);
        var fixedName = await Assert.ThrowsAsync<RpcException>(() =>
            _server.Client.RenameMemoryAsync(new RenameMemoryRequest { Name = "default", NewName = "elsewhere" }).ResponseAsync);

        Assert.Equal(("after", "kept", 1L), (renamed.Name, renamed.Settings.Description, renamed.Segments));
        Assert.Single(lookup.Matches);
        Assert.Equal(2, (await _server.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories.Single(m => m.Name == "after").Segments);
        Assert.DoesNotContain((await _server.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories, m => m.Name == "before");
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, fixedName.StatusCode);
        Assert.Contains("keeps its name", fixedName.Status.Detail);
    }

    private async Task ImportAsync(string memory, string korean, string english)
    {
        using var call = _server.Client.ImportSegments();
        await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = memory, Ko = korean, En = english });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    [Fact]
    public async Task The_default_memory_cannot_be_deleted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.DeleteMemoryAsync(new DeleteMemoryRequest { Name = "default" }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("cannot be deleted", error.Status.Detail);
    }

    [Fact]
    public async Task Settings_out_of_range_are_refused_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateMemoryAsync(new CreateMemoryRequest
        {
            Name = "bad-settings", Settings = new MemorySettings { MinScore = 101 },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("settings.min_score", error.Status.Detail);
    }
}
