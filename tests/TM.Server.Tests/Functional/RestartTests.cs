using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-restart-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Restarted_server_gives_the_same_answers_from_the_same_file()
    {
        var query = new LookupRequest { Memory = "kept", Text = "포로 교환 협상", MinScore = 1, MaxResults = 10 };
        LookupResponse before;
        await using (var first = await StartAsync())
        {
            using var call = first.Client.ImportSegments();
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "kept", Ko = "포로 교환", En = "the exchange of prisoners" });
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "포로 교환 협상은 교착되었다.", En = "The POW negotiations stalled." });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
            before = await first.Client.LookupAsync(query);
        }

        await using var second = await StartAsync();
        var after = await second.Client.LookupAsync(query);
        var stats = await second.Client.GetStatsAsync(new GetStatsRequest());

        Assert.Equal(2, before.Matches.Count);
        Assert.Equal(before, after);
        // The seeds were imported once, on the first start only.
        Assert.Equal(2, stats.Memories.Single(m => m.Memory == "default").Imports);
    }

    private Task<RunningServer> StartAsync() => RunningServer.StartAsync(_dataDirectory);
}
