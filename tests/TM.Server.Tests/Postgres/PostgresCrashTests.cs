using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Tests.Imports;
using TM.Storage.Postgres.Tests;

namespace TM.Server.Tests.Postgres;

/// <summary>PostgreSQL crashing under a running import: what the server acknowledged is what is stored.</summary>
public sealed class PostgresCrashTests : IDisposable
{
    private readonly PostgresCluster _cluster = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-pgcrash-").FullName;

    [Fact]
    public async Task Postgres_killed_during_an_import_keeps_every_acknowledged_batch_and_the_import_resumes_to_the_end()
    {
        const int units = 20_000;
        var file = TestFiles.Tmx(units);
        await using var server = await RunningServer.StartAsync(_dataDirectory, "--no-seeds", "--store", _cluster.ConnectionString);
        await server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "crash" });

        // Killed right after the first batch is acknowledged, while the next ones are being parsed and committed.
        var crashed = false;
        var upload = await FileUploads.ImportFileAsync(server.Client, new ImportFileRequest { Memory = "crash", FileName = "big.tmx" }, file,
            breakAfter: progress =>
            {
                if (progress.BatchesCommitted >= 1 && !crashed)
                {
                    crashed = true;
                    _cluster.Crash();
                }
                return false;
            });

        Assert.True(crashed);
        Assert.NotNull(upload.Error);
        Assert.Equal(StatusCode.Unavailable, upload.Error.StatusCode);
        var acknowledged = upload.Progress.Where(p => p.BatchesCommitted > 0).Max(p => p.PairsStored);
        Assert.InRange(acknowledged, 1, units - 1);

        _cluster.Resume();
        await WaitForStoreAsync(server);
        var import = (await server.Client.ListImportsAsync(new ListImportsRequest { Memory = "crash" })).Imports.Single();
        // Every acknowledged pair is stored, and what is stored is whole batches (a batch cut off by the crash left nothing).
        Assert.InRange(import.PairsStored, acknowledged, units);
        Assert.Equal(0, import.PairsStored % (acknowledged / upload.Progress.Where(p => p.BatchesCommitted > 0).Max(p => p.BatchesCommitted)));

        var resumed = await FileUploads.ImportFileAsync(server.Client,
            new ImportFileRequest { Memory = "crash", FileName = "big.tmx", ResumeImportId = import.ImportId }, file);

        Assert.Null(resumed.Error);
        Assert.True(resumed.Last.Completed);
        Assert.Equal(units, resumed.Last.PairsStored);
        var described = (await server.Client.ListMemoriesAsync(new ListMemoriesRequest())).Memories.Single(m => m.Name == "crash");
        Assert.Equal(units, described.Segments);
    }

    public void Dispose()
    {
        _cluster.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    // The pool's connections died with the server: the first calls after the restart may still fail while it reconnects.
    private static async Task WaitForStoreAsync(RunningServer server)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await server.Client.ListImportsAsync(new ListImportsRequest { Memory = "crash" });
                return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }
}
