using Grpc.Core;
using Microsoft.Data.Sqlite;
using TM.Protos.V1;
using TM.Server.Tests.Client;
using TM.Server.Tests.Imports;
using Xunit.Abstractions;

namespace TM.Server.Tests.Backups;

/// <summary>
/// Backup while the server works: <c>tm backup</c> during a large import, restored with <c>--restore</c> into a new data
/// directory, holds every pair the import had acknowledged when the backup began; the stream and its temporary file.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string DataDirectory(string name) => Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;

    private static IEnumerable<string> TemporaryBackups(string dataDirectory) => Directory.EnumerateFiles(dataDirectory, "tm.db.backup-*");

    [Fact]
    public async Task A_backup_taken_during_a_large_import_restores_every_pair_acknowledged_before_it_began()
    {
        const int Units = 60_000;
        var file = TestFiles.Tmx(Units);
        var backupFile = Path.Combine(_directory, "during-import.db");
        var running = DataDirectory("running");
        long acknowledged;
        await using (var server = await RunningServer.StartAsync(running, "--no-seeds", "--import-batch-size", "500"))
        {
            var fifthBatch = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var import = FileUploads.ImportFileAsync(server.Client, FileUploads.Header("big", "big.tmx"), file, breakAfter: progress =>
            {
                if (progress.BatchesCommitted >= 5)
                    fifthBatch.TrySetResult(progress.UnitsCommitted);
                return false;
            });
            acknowledged = await fifthBatch.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var (exitCode, stdout, stderr) = await TmCli.RunAsync(server.Address, "backup", backupFile);
            var imported = await import;

            output.WriteLine($"{acknowledged:N0} units acknowledged when the backup began; tm backup said: {stdout}{stderr}");
            Assert.True(exitCode == 0, stdout + stderr);
            Assert.Matches(@"^Backed up the database of http://127\.0\.0\.1:\d+ to .*during-import\.db: [\d.]+ [KM]B in [\d.]+ s\.$", stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
            Assert.Null(imported.Error);
            Assert.Equal(Units, imported.Last.UnitsCommitted);
            Assert.Empty(TemporaryBackups(running));
        }

        // The file alone: a plain SQLite file (no -wal needed, none made when it is read).
        Assert.False(File.Exists(backupFile + ".partial"));
        using (var connection = new SqliteConnection($"Data Source={backupFile};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", command.ExecuteScalar());
        }
        Assert.False(File.Exists(backupFile + "-wal"));

        await using var restored = await RunningServer.StartAsync(DataDirectory("restored"), "--no-seeds", "--restore", backupFile);
        var stats = (await restored.Client.GetStatsAsync(new GetStatsRequest { Memory = "big" })).Memories.Single();
        var record = (await restored.Client.ListImportsAsync(new ListImportsRequest { Memory = "big" })).Imports.Single();
        output.WriteLine($"the backup holds {stats.Segments:N0} of the {Units:N0} units");
        Assert.InRange(stats.Segments, acknowledged, Units - 1); // every acknowledged pair, and the import was still running
        Assert.Equal("interrupted", record.Status);
        Assert.Equal(stats.Segments, record.UnitsCommitted);
        foreach (var i in (long[])[0, acknowledged / 2, acknowledged - 1])
        {
            var lookup = await restored.Client.LookupAsync(new LookupRequest { Memory = "big", Text = TestFiles.Korean((int)i) });
            Assert.Equal(100, lookup.Matches[0].Score);
            Assert.Equal(TestFiles.English((int)i), lookup.Matches[0].Target);
        }

        // The restored import resumes where the backup left it and completes the file exactly.
        var header = FileUploads.Header("big", "big.tmx");
        header.ResumeImportId = record.ImportId;
        var resumed = await FileUploads.ImportFileAsync(restored.Client, header, file);
        Assert.Null(resumed.Error);
        Assert.Equal(record.UnitsCommitted, resumed.Last.UnitsResumed);
        Assert.Equal(Units, (await restored.Client.GetStatsAsync(new GetStatsRequest { Memory = "big" })).Memories.Single().Segments);
    }

    [Fact]
    public async Task A_backup_streams_chunks_of_64_KB_with_the_total_first_and_deletes_its_temporary_file()
    {
        var dataDirectory = DataDirectory("chunks");
        await using var server = await RunningServer.StartAsync(dataDirectory, "--no-seeds");
        Assert.Null((await FileUploads.ImportFileAsync(server.Client, FileUploads.Header("m", "m.tmx"), TestFiles.Tmx(5_000))).Error);

        using var call = server.Administration.Backup(new BackupRequest());
        var chunks = new List<BackupChunk>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            chunks.Add(call.ResponseStream.Current);

        Assert.True(chunks.Count > 2, $"{chunks.Count} chunks");
        Assert.All(chunks[..^1], chunk => Assert.Equal(64 * 1024, chunk.Chunk.Length));
        Assert.Equal(chunks.Sum(c => (long)c.Chunk.Length), chunks[0].TotalBytes);
        Assert.All(chunks.Skip(1), chunk => Assert.Equal(0, chunk.TotalBytes));
        Assert.Equal("SQLite format 3\0", System.Text.Encoding.ASCII.GetString(chunks[0].Chunk.Span[..16]));
        Assert.Empty(TemporaryBackups(dataDirectory));
    }

    [Fact]
    public async Task A_backup_its_client_abandons_deletes_its_temporary_file()
    {
        var dataDirectory = DataDirectory("abandoned");
        await using var server = await RunningServer.StartAsync(dataDirectory, "--no-seeds");
        // Some megabytes, more than HTTP/2 flow control lets the server send ahead of a client that stops reading.
        Assert.Null((await FileUploads.ImportFileAsync(server.Client, FileUploads.Header("m", "m.tmx"), TestFiles.Tmx(40_000))).Error);

        using (var cancel = new CancellationTokenSource())
        using (var call = server.Administration.Backup(new BackupRequest(), cancellationToken: cancel.Token))
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Single(TemporaryBackups(dataDirectory));
            await cancel.CancelAsync();
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            });
            Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        }

        for (var waited = 0; TemporaryBackups(dataDirectory).Any() && waited < 100; waited++)
            await Task.Delay(100);
        Assert.Empty(TemporaryBackups(dataDirectory));
    }
}
