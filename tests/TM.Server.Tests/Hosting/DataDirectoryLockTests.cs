using System.Globalization;
using TM.Protos.V1;
using TM.Server.Hosting;
using TM.Server.Tests.Durability;

namespace TM.Server.Tests.Hosting;

/// <summary>One server per data directory: a second one is turned away naming the first; a killed one leaves it free.</summary>
public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-lock-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private string[] SecondServer => ["--port", "0", "--data-dir", _dataDirectory, "--no-seeds"];

    [Fact]
    public async Task Second_server_on_the_same_data_directory_exits_naming_the_first()
    {
        await using var first = await ServerProcess.StartAsync(_dataDirectory);

        var (exitCode, _, error) = await ServerProcess.RunToExitAsync(_dataDirectory, SecondServer);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tm server: The data directory {_dataDirectory} is in use by another TM server (process {first.Id}, listening on {first.Address}", line);
        Assert.Equal(0, (await first.Client.GetStatsAsync(new GetStatsRequest())).Memories.Single().Segments);
    }

    [Fact]
    public async Task A_server_killed_with_SIGKILL_leaves_the_directory_to_the_next_one()
    {
        var killed = await ServerProcess.StartAsync(_dataDirectory);
        killed.Kill();
        await killed.DisposeAsync();

        await using var next = await ServerProcess.StartAsync(_dataDirectory);
        var (exitCode, _, error) = await ServerProcess.RunToExitAsync(_dataDirectory, SecondServer);

        Assert.Equal(0, (await next.Client.GetStatsAsync(new GetStatsRequest())).Memories.Single().Segments);
        Assert.Equal(2, exitCode);
        // The killed server's description is gone with its lock: the one turned away names the server now running.
        Assert.Contains($"(process {next.Id}, listening on {next.Address}", error);
    }

    [Fact]
    public async Task Second_server_in_the_same_process_is_refused_before_it_opens_the_database()
    {
        await using var first = await RunningServer.StartAsync(_dataDirectory);

        var error = await Assert.ThrowsAsync<DataDirectoryInUseException>(() => RunningServer.StartAsync(_dataDirectory));

        Assert.Equal(Environment.ProcessId, error.OwnerProcessId);
        Assert.Contains($"process {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}, listening on http://127.0.0.1:", error.Message);
    }

    [Fact]
    public async Task A_stopped_server_releases_the_directory_and_deletes_its_description()
    {
        await using (await RunningServer.StartAsync(_dataDirectory))
            Assert.True(File.Exists(Path.Combine(_dataDirectory, DataDirectoryLock.OwnerFileName)));

        Assert.False(File.Exists(Path.Combine(_dataDirectory, DataDirectoryLock.OwnerFileName)));
        await using var again = await RunningServer.StartAsync(_dataDirectory);
    }
}
