using Microsoft.Data.Sqlite;
using TM.Protos.V1;
using TM.Server.Tests.Client;
using TM.Server.Tests.Durability;

namespace TM.Server.Tests.Backups;

/// <summary>
/// <c>--restore FILE</c>: the backup replaces tm.db, the old database is kept aside, the index snapshots of the old one
/// are not taken for the backup's; a file that is not a whole TM database changes nothing.
/// </summary>
public sealed class RestoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-restore-").FullName;

    public RestoreTests() => Directory.CreateDirectory(DataDirectory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string Backup => Path.Combine(_directory, "backup.db");

    private static async Task ImportAsync(RunningServer server, params (string Ko, string En)[] pairs)
    {
        using var call = server.Client.ImportSegments();
        foreach (var (ko, en) in pairs)
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "m", Ko = ko, En = en });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    private static async Task<double> BestScoreAsync(RunningServer server, string text) =>
        (await server.Client.LookupAsync(new LookupRequest { Memory = "m", Text = text, MinScore = 1 })).Matches.FirstOrDefault()?.Score ?? 0;

    [Fact]
    public async Task Restoring_an_older_backup_keeps_the_newer_database_aside_and_does_not_load_its_snapshot()
    {
        await using (var server = await RunningServer.StartAsync(DataDirectory, "--no-seeds"))
        {
            await ImportAsync(server, ("휴전 협정이 체결되었다.", "The armistice was signed."), ("포로 교환이 시작되었다.", "The exchange of prisoners began."));
            Assert.Equal(0, (await TmCli.RunAsync(server.Address, "backup", Backup)).ExitCode);
            await ImportAsync(server, ("회담은 결렬되었다.", "The talks broke down."));
        }
        // The clean stop saved the newer memory's snapshot (three pairs).
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(DataDirectory, "tm.db-index"), "*.snapshot"));

        await using (var restored = await RunningServer.StartAsync(DataDirectory, "--no-seeds", "--restore", Backup))
        {
            Assert.False(restored.Catalog.Find("m")!.LoadedFromSnapshot);
            Assert.Equal(2, (await restored.Client.GetStatsAsync(new GetStatsRequest { Memory = "m" })).Memories.Single().Segments);
            Assert.Equal(100, await BestScoreAsync(restored, "휴전 협정이 체결되었다."));
            Assert.True(await BestScoreAsync(restored, "회담은 결렬되었다.") < 100);
        }

        var aside = Assert.Single(Directory.EnumerateFiles(DataDirectory, "tm.db.before-restore-*"));
        Assert.Matches(@"tm\.db\.before-restore-\d{8}T\d{6}Z$", aside);
        using (var connection = new SqliteConnection($"Data Source={aside};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM segments;";
            Assert.Equal(3L, command.ExecuteScalar());
        }
        // Started again without --restore: the backup's own snapshot, saved since, is loaded.
        await using var again = await RunningServer.StartAsync(DataDirectory, "--no-seeds");
        Assert.True(again.Catalog.Find("m")!.LoadedFromSnapshot);
        Assert.Equal(2, (await again.Client.GetStatsAsync(new GetStatsRequest { Memory = "m" })).Memories.Single().Segments);
    }

    [Fact]
    public async Task A_file_that_is_not_a_TM_database_is_refused_and_the_database_stays()
    {
        await using (var server = await RunningServer.StartAsync(DataDirectory, "--no-seeds"))
            await ImportAsync(server, ("휴전 협정이 체결되었다.", "The armistice was signed."));
        await File.WriteAllTextAsync(Backup, "ko\ten\n휴전\tarmistice\n");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunningServer.StartAsync(DataDirectory, "--no-seeds", "--restore", Backup));

        Assert.StartsWith($"--restore: {Backup} is not a TM database backup: it is not a SQLite database", error.Message);
        Assert.Empty(Directory.EnumerateFiles(DataDirectory, "tm.db.before-restore-*"));
        Assert.Empty(Directory.EnumerateFiles(DataDirectory, "tm.db.restoring*"));
        await using var server2 = await RunningServer.StartAsync(DataDirectory, "--no-seeds");
        Assert.Equal(1, (await server2.Client.GetStatsAsync(new GetStatsRequest { Memory = "m" })).Memories.Single().Segments);
    }

    [Fact]
    public async Task A_database_with_its_wal_beside_it_is_refused_as_not_whole()
    {
        await using (var server = await RunningServer.StartAsync(DataDirectory, "--no-seeds"))
            Assert.Equal(0, (await TmCli.RunAsync(server.Address, "backup", Backup)).ExitCode);
        await File.WriteAllBytesAsync(Backup + "-wal", [1, 2, 3]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => RunningServer.StartAsync(DataDirectory, "--no-seeds", "--restore", Backup));

        Assert.StartsWith($"--restore: {Backup} has a -wal file beside it", error.Message);
    }

    [Fact]
    public async Task A_missing_backup_stops_the_server_process_with_2_and_one_line()
    {
        var missing = Path.Combine(_directory, "missing.db");

        var (exitCode, _, error) = await ServerProcess.RunToExitAsync(_directory, "--port", "0", "--data-dir", DataDirectory, "--restore", missing);

        Assert.Equal(2, exitCode);
        Assert.Equal($"tm server: --restore: {missing} does not exist.", error.Trim());
        Assert.False(File.Exists(Path.Combine(DataDirectory, "tm.db")));
    }
}
