using System.Text.Json;
using TM.Client;

namespace TM.Server.Tests.Client;

/// <summary><c>tm import x.tmx</c>, <c>tm export</c> and <c>tm imports</c>, run in-process against the real server.</summary>
public sealed class TmTmxCommandTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-cli-tmx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<(int ExitCode, string Out, string Err)> Tm(params string[] args) => TmCli.RunAsync(server.Address, args);

    private string CopyFixture(string name)
    {
        var path = Path.Combine(_directory, name);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "TM.Interchange.Tests", "Fixtures", name), path);
        return path;
    }

    [Fact]
    public async Task Import_of_a_TMX_file_reports_units_pairs_and_batches()
    {
        var tmx = CopyFixture("trados-studio-export.tmx");

        var (exitCode, output, error) = await Tm("import", tmx, "--memory", "cli-tmx-import");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Contains("(TMX, import ", output);
        Assert.Contains("units read", output);
        Assert.Contains("1 batch committed", output);
    }

    [Fact]
    public async Task Import_of_a_damaged_TMX_file_fails_with_the_servers_reason()
    {
        var tmx = Path.Combine(_directory, "cut.tmx");
        await File.WriteAllTextAsync(tmx, "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"ko\"><seg>가");

        var (exitCode, _, error) = await Tm("import", tmx, "--memory", "cli-tmx-cut");

        Assert.Equal(ExitCodes.ServerError, exitCode);
        Assert.Contains("INVALID_ARGUMENT", error);
        Assert.Contains("cut.tmx, line 2", error);
    }

    [Fact]
    public async Task Export_writes_the_memory_as_TMX_to_a_file_or_to_stdout()
    {
        await Tm("import", CopyFixture("trados-studio-export.tmx"), "--memory", "cli-tmx-export");
        var file = Path.Combine(_directory, "out.tmx");

        var (toFile, fileOutput, fileReport) = await Tm("export", "--memory", "cli-tmx-export", "--output", file);
        var (toStdout, stdout, _) = await Tm("export", "--memory", "cli-tmx-export");

        Assert.Equal(ExitCodes.Success, toFile);
        Assert.Equal("", fileOutput);
        Assert.Contains("out.tmx", fileReport);
        Assert.False(File.Exists(file + ".part"));
        var written = await File.ReadAllTextAsync(file);
        Assert.Contains("<tmx version=\"1.4\">", written);
        Assert.Contains("<bpt i=\"1\" type=\"bold\" x=\"1\">&lt;b&gt;</bpt>훈민정음", written);
        Assert.Equal(ExitCodes.Success, toStdout);
        Assert.Equal(written.TrimEnd(), stdout.TrimEnd());
    }

    [Fact]
    public async Task Export_of_an_unknown_memory_fails_and_leaves_no_file()
    {
        var file = Path.Combine(_directory, "none.tmx");

        var (exitCode, _, error) = await Tm("export", "--memory", "cli-no-such-memory", "--output", file);

        Assert.Equal(ExitCodes.ServerError, exitCode);
        Assert.Contains("NOT_FOUND", error);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".part"));
    }

    [Fact]
    public async Task Imports_lists_past_imports_as_a_table_and_as_json()
    {
        await Tm("import", CopyFixture("omegat-project_save.tmx"), "--memory", "cli-tmx-list");

        var (tableExit, table, _) = await Tm("imports", "--memory", "cli-tmx-list");
        var (jsonExit, json, _) = await Tm("imports", "--memory", "cli-tmx-list", "--json");

        Assert.Equal(ExitCodes.Success, tableExit);
        Assert.Contains("omegat-project_save.tmx", table);
        Assert.Contains("tmx", table);
        Assert.Equal(ExitCodes.Success, jsonExit);
        using var document = JsonDocument.Parse(json);
        var record = Assert.Single(document.RootElement.GetProperty("imports").EnumerateArray());
        Assert.Equal("tmx", record.GetProperty("kind").GetString());
        Assert.Equal("omegat-project_save.tmx", record.GetProperty("name").GetString());
        Assert.Equal("cli-tmx-list", record.GetProperty("memory").GetString());
        Assert.True(record.GetProperty("pairsStored").GetInt32() > 0);
    }
}
