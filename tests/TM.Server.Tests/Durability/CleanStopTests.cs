using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Durability;

/// <summary>After a clean stop (SIGTERM, as systemd sends), tm.db alone is the whole memory: the WAL is in it.</summary>
public sealed class CleanStopTests : IDisposable
{
    private const int Units = 3_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("tm-clean-stop-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task After_a_clean_stop_tm_db_alone_holds_every_pair()
    {
        var first = Directory.CreateDirectory(Path.Combine(_directory, "first")).FullName;
        var copy = Directory.CreateDirectory(Path.Combine(_directory, "copy")).FullName;
        int exitCode;
        await using (var server = await ServerProcess.StartAsync(first))
        {
            var upload = await FileUploads.ImportFileAsync(server.Client, FileUploads.Header("kept", "kept.tmx"), TestFiles.Tmx(Units));
            Assert.Null(upload.Error);
            exitCode = await server.StopAsync();
        }

        Assert.Equal(0, exitCode);
        Assert.False(File.Exists(Path.Combine(first, "tm.db-wal")), "the WAL is checkpointed into tm.db and deleted");
        File.Copy(Path.Combine(first, "tm.db"), Path.Combine(copy, "tm.db"));
        await using var restarted = await ServerProcess.StartAsync(copy);
        var stats = await restarted.Client.GetStatsAsync(new GetStatsRequest { Memory = "kept" });
        Assert.Equal(Units, stats.Memories.Single().Segments);
        foreach (var i in (int[])[0, Units / 2, Units - 1])
        {
            var lookup = await restarted.Client.LookupAsync(new LookupRequest { Memory = "kept", Text = TestFiles.Korean(i) });
            Assert.Equal(TestFiles.English(i), lookup.Matches[0].Target);
            Assert.Equal(100, lookup.Matches[0].Score);
        }
    }
}
