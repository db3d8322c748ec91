using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Hosting;
using TM.Storage.Postgres.Tests;

namespace TM.Server.Tests.Postgres;

/// <summary>The real server with <c>--store</c> on a fresh database of the test PostgreSQL server.</summary>
public sealed class PostgresStoreServerTests : IDisposable
{
    private readonly TemporaryPostgresDatabase _database = new();
    private readonly List<string> _dataDirectories = [];

    [Fact]
    public async Task Server_on_postgres_keeps_imported_and_updated_pairs_across_a_restart_on_a_new_data_directory()
    {
        var query = new LookupRequest { Memory = "pg", Text = "포로 교환 협상은 교착되었다.", MinScore = 70, MaxResults = 10 };
        string segmentId;
        await using (var first = await StartAsync())
        {
            await first.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "pg" });
            using (var call = first.Client.ImportSegments())
            {
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "pg", Ko = "포로 교환 협상은 교착되었다.", En = "The POW negotiations stalled." });
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Ko = "휴전 협정이 서명되었다.", En = "The armistice was signed." });
                await call.RequestStream.CompleteAsync();
                Assert.Equal(2, (await call.ResponseAsync).PairsStored);
            }
            var found = await first.Client.LookupAsync(query);
            var hits = await first.Client.ConcordanceAsync(new ConcordanceRequest { Memory = "pg", Term = "armistice" });
            segmentId = Assert.Single(found.Matches).SegmentId;
            Assert.Equal("The POW negotiations stalled.", found.Matches[0].Target);
            Assert.Equal("휴전 협정이 서명되었다.", Assert.Single(hits.Hits).Ko);

            await first.Client.UpdateSegmentAsync(new UpdateSegmentRequest
            {
                Memory = "pg", SegmentId = segmentId, En = "The prisoner-exchange talks stalled.", Version = found.Matches[0].Version,
            });
        }

        // A new data directory: nothing local survives, so whatever the second server finds came from PostgreSQL.
        await using var second = await StartAsync();
        var after = await second.Client.LookupAsync(query);
        var armistice = await second.Client.ConcordanceAsync(new ConcordanceRequest { Memory = "pg", Term = "armistice" });

        Assert.Equal(segmentId, Assert.Single(after.Matches).SegmentId);
        Assert.Equal("The prisoner-exchange talks stalled.", after.Matches[0].Target);
        Assert.Equal("The armistice was signed.", Assert.Single(armistice.Hits).En);
    }

    [Fact]
    public async Task Backup_on_postgres_is_refused_with_what_to_use_instead()
    {
        await using var server = await StartAsync();

        using var call = server.Administration.Backup(new BackupRequest());
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Backup is not available on the PostgreSQL store yet; use pg_dump", error.Status.Detail);
    }

    [Fact]
    public async Task Unreachable_postgres_stops_the_start_with_the_address_and_no_password()
    {
        var directory = NewDataDirectory();

        var error = await Assert.ThrowsAsync<IOException>(() =>
            TmServerApp.CreateAsync(["--port", "0", "--data-dir", directory, "--no-seeds", "--store", "postgres://tm:secret@127.0.0.1:1/tm?Timeout=2"]));

        Assert.StartsWith("Cannot open the PostgreSQL store tm@127.0.0.1:1/tm: ", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task Malformed_store_address_is_an_argument_error_that_shows_the_expected_form()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            TmServerApp.CreateAsync(["--port", "0", "--data-dir", NewDataDirectory(), "--no-seeds", "--store", "mysql://tm@localhost/tm"]));

        Assert.Contains("postgres://user[:password]@host[:port]/database", error.Message);
    }

    public void Dispose()
    {
        _database.Dispose();
        foreach (var directory in _dataDirectories)
            Directory.Delete(directory, recursive: true);
    }

    private Task<RunningServer> StartAsync() => RunningServer.StartAsync(NewDataDirectory(), "--no-seeds", "--store", _database.ConnectionString);

    private string NewDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("tm-pgserver-").FullName;
        _dataDirectories.Add(directory);
        return directory;
    }
}
