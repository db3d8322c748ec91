using System.Text.Json;
using Microsoft.Data.Sqlite;
using TM.Client;

namespace TM.Server.Tests.Client;

/// <summary><c>tm backup FILE</c> against the real server: a whole file or none, never over an existing one unasked.</summary>
public sealed class TmBackupCommandTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-cli-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int ExitCode, string Out, string Err)> Tm(params string[] args) => TmCli.RunAsync(server.Address, args);

    private static long SegmentCount(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM segments;";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Backup_writes_the_whole_database_and_says_where_and_how_much()
    {
        var file = Path.Combine(_directory, "tm-backup.db");

        var (exitCode, output, error) = await Tm("backup", file);

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^tm-backup\.db: receiving [\d.]+ KB \(the server's copy took [\d.]+ s\)$", lines[0]);
        Assert.StartsWith($"Backed up the database of {server.Address} to {file}: ", lines[^1]);
        Assert.True(SegmentCount(file) > 0, "the seeds are in it");
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_force_is_given()
    {
        var file = Path.Combine(_directory, "kept.db");
        await File.WriteAllTextAsync(file, "yesterday's backup");

        var refused = await Tm("backup", file);
        var forced = await Tm("backup", file, "--force");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains($"{file} exists; give --force to overwrite it.", refused.Err);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.True(SegmentCount(file) > 0);
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_is_an_input_error_and_leaves_nothing()
    {
        var file = Path.Combine(_directory, "no-such-directory", "backup.db");

        var (exitCode, _, error) = await Tm("backup", file);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains($"{file}: cannot be written", error);
        Assert.False(Directory.Exists(Path.Combine(_directory, "no-such-directory")));
    }

    [Fact]
    public async Task Json_prints_one_document_with_the_file_and_its_size()
    {
        var file = Path.Combine(_directory, "backup.db");

        var (exitCode, output, _) = await Tm("backup", file, "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(file, document.RootElement.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(file).Length, document.RootElement.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task Memory_is_a_usage_error_for_backup()
    {
        var (exitCode, _, error) = await Tm("backup", Path.Combine(_directory, "b.db"), "--memory", "glossary");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--memory does not apply to backup", error);
    }
}
