using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TM.Client;

namespace TM.Server.Tests.Client;

/// <summary>
/// The real server with small import batches (500 units), so a file of a few thousand units has many commit
/// points: <c>tm import</c> through ImportFile has acknowledgments to show and to stop at.
/// </summary>
public sealed class SmallBatchServerFixture : ServerFixture
{
    public const int BatchSize = 500;

    protected override IEnumerable<string> ExtraArguments => ["--import-batch-size", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}

/// <summary>
/// <c>tm import</c> of TMX and TSV files through ImportFile, run in-process against the real server: progress,
/// summary, update policies, Ctrl+C and <c>--resume</c>, and what <c>tm imports</c> says about each.
/// </summary>
public sealed partial class TmImportFileCommandTests(SmallBatchServerFixture server) : IClassFixture<SmallBatchServerFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-cli-importfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<(int ExitCode, string Out, string Err)> Tm(params string[] args) => TmCli.RunAsync(server.Address, args);

    /// <summary>A TMX file of <paramref name="units"/> distinct Korean-English units.</summary>
    private string WriteTmx(string name, int units)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n")
            .Append("<header creationtool=\"tm-tests\" creationtoolversion=\"1\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" srclang=\"ko\" o-tmf=\"tm\"/>\n<body>\n");
        for (var i = 1; i <= units; i++)
        {
            text.Append("<tu><tuv xml:lang=\"ko\"><seg>휴전 회담의 제").Append(i).Append("차 본회의는 판문점에서 열렸다.</seg></tuv>")
                .Append("<tuv xml:lang=\"en\"><seg>Plenary session no. ").Append(i).Append(" of the armistice talks met at Panmunjom.</seg></tuv></tu>\n");
        }

        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text.Append("</body>\n</tmx>\n").ToString());
        return path;
    }

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<JsonElement> ImportRecordAsync(string memory, long importId)
    {
        var (_, json, _) = await Tm("imports", "--memory", memory, "--json");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("imports").EnumerateArray().Single(r => r.GetProperty("importId").GetInt64() == importId).Clone();
    }

    [Fact]
    public async Task Import_of_a_TMX_file_shows_plain_progress_then_a_summary_and_is_listed_as_completed()
    {
        var tmx = WriteTmx("sessions.tmx", 3 * SmallBatchServerFixture.BatchSize);

        var (exitCode, output, error) = await Tm("import", tmx, "--memory", "cli-file-progress");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        Assert.Equal("", error);
        Assert.DoesNotContain('\u001b', output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // First the import's id as soon as the server has recorded it, then the first commit.
        Assert.Matches(@"^.*sessions\.tmx: import \d+ started$", lines[0]);
        var progress = ProgressLine().Match(lines[1]);
        Assert.True(progress.Success, output);
        var importId = long.Parse(progress.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"import {importId} started", lines[0]);
        Assert.Contains($"{tmx} (TMX, import {importId}): 1,500 pairs stored, 0 duplicates skipped, 0 units left out (not Korean-English pairs); 1,500 units read, 3 batches committed in ", lines[^1]);

        var record = await ImportRecordAsync("cli-file-progress", importId);
        Assert.Equal(("completed", "tmx", "add_alternative", 1_500L, 3), (
            record.GetProperty("status").GetString(), record.GetProperty("kind").GetString(), record.GetProperty("updatePolicy").GetString(),
            record.GetProperty("unitsCommitted").GetInt64(), record.GetProperty("batches").GetInt32()));
        Assert.NotEqual("", record.GetProperty("finished").GetString());
    }

    [Fact]
    public async Task Import_json_prints_the_final_acknowledgment_and_a_second_import_adds_nothing()
    {
        var tmx = WriteTmx("twice.tmx", 700);

        var (firstExit, firstJson, _) = await Tm("import", tmx, "--memory", "cli-file-json", "--json");
        var (secondExit, secondJson, _) = await Tm("import", tmx, "--memory", "cli-file-json", "--json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (firstExit, secondExit));
        using var first = JsonDocument.Parse(firstJson);
        using var second = JsonDocument.Parse(secondJson);
        var firstProgress = first.RootElement.GetProperty("files")[0].GetProperty("progress");
        var secondProgress = second.RootElement.GetProperty("files")[0].GetProperty("progress");
        Assert.True(firstProgress.GetProperty("completed").GetBoolean());
        Assert.Equal((700L, 0L), (firstProgress.GetProperty("pairsStored").GetInt64(), firstProgress.GetProperty("pairsSkippedDuplicate").GetInt64()));
        Assert.Equal((0L, 700L), (secondProgress.GetProperty("pairsStored").GetInt64(), secondProgress.GetProperty("pairsSkippedDuplicate").GetInt64()));
        Assert.Equal(new FileInfo(tmx).Length, firstProgress.GetProperty("totalBytes").GetInt64());
        Assert.Equal(new FileInfo(tmx).Length, firstProgress.GetProperty("bytesReceived").GetInt64());
    }

    [Fact]
    public async Task Policy_keep_existing_keeps_a_translation_and_overwrite_replaces_it()
    {
        const string memory = "cli-file-policy";
        const string korean = "정전 협정은 1953년 7월 27일에 조인되었다.";
        await Tm("import", WriteText("old.tsv", $"ko\ten\n{korean}\tThe armistice was signed on 27 July 1953.\n"), "--memory", memory);
        var revised = WriteText("new.tsv", $"ko\ten\n{korean}\tThe Armistice Agreement was signed on 27 July 1953.\n");

        var (keepExit, keepOutput, _) = await Tm("import", revised, "--memory", memory, "--policy", "keep-existing");
        var afterKeep = await TargetsAsync(memory, korean);
        var (overwriteExit, overwriteOutput, _) = await Tm("import", revised, "--memory", memory, "--policy", "overwrite");
        var afterOverwrite = await TargetsAsync(memory, korean);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (keepExit, overwriteExit));
        Assert.Contains("(TSV, import ", keepOutput);
        Assert.Contains("1 existing translation kept", keepOutput);
        Assert.Equal(["The armistice was signed on 27 July 1953."], afterKeep);
        Assert.Contains("1 translation updated", overwriteOutput);
        Assert.Equal(["The Armistice Agreement was signed on 27 July 1953."], afterOverwrite);

        var (_, table, _) = await Tm("imports", "--memory", memory);
        Assert.Contains("keep-existing", table);
        Assert.Contains("overwrite", table);
    }

    private async Task<string[]> TargetsAsync(string memory, string korean)
    {
        var (_, json, _) = await Tm("match", korean, "--memory", memory, "--min-score", "100", "--json");
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("target").GetString()!)];
    }

    [Fact]
    public async Task Cancelled_import_is_listed_as_interrupted_and_the_printed_resume_command_finishes_it_without_duplicates()
    {
        const string memory = "cli-file-resume";
        const int units = 20_000;
        var tmx = WriteTmx("resume.tmx", units);

        // Ctrl+C as the first acknowledgment is shown: the client has sent at most a few of the file's megabytes.
        using var cancellation = new CancellationTokenSource();
        var stdout = new CancelOnWrite("segments committed", cancellation);
        var stderr = new StringWriter();
        var cancelledExit = await CliApp.RunAsync(["import", tmx, "--memory", memory, "--server", server.Address], stdout, stderr, cancellation.Token);

        Assert.True(cancelledExit == ExitCodes.Cancelled, stdout + "\n" + stderr);
        var resume = ResumeLine().Match(stderr.ToString());
        Assert.True(resume.Success, stderr.ToString());
        Assert.Equal($"tm import {tmx} --resume {resume.Groups["id"].Value} --memory {memory} --server {server.Address}", resume.Value.Trim());
        var importId = long.Parse(resume.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The server ends the cancelled call on its own schedule; until then the import is "running".
        var record = await ImportRecordAsync(memory, importId);
        for (var wait = 0; record.GetProperty("status").GetString() == "running" && wait < 100; wait++)
        {
            await Task.Delay(100);
            record = await ImportRecordAsync(memory, importId);
        }

        Assert.Equal("interrupted", record.GetProperty("status").GetString());
        var committedBefore = record.GetProperty("unitsCommitted").GetInt64();
        Assert.InRange(committedBefore, SmallBatchServerFixture.BatchSize, units - 1);
        var (_, table, _) = await Tm("imports", "--memory", memory);
        Assert.Contains($"Import {importId} (resume.tmx) was interrupted after {committedBefore:N0} units: carry on with `tm import resume.tmx --resume {importId} --memory {memory}`", table);

        var (resumedExit, resumedOutput, resumedError) = await Tm("import", tmx, "--memory", memory, "--resume", importId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(resumedExit == ExitCodes.Success, resumedOutput + resumedError);
        Assert.Contains($"(TMX, import {importId}): 20,000 pairs stored, 0 duplicates skipped", resumedOutput);
        Assert.Contains($"carrying on after {committedBefore:N0} units committed earlier", resumedOutput);
        var finished = await ImportRecordAsync(memory, importId);
        Assert.Equal(("completed", (long)units, units), (finished.GetProperty("status").GetString(), finished.GetProperty("unitsCommitted").GetInt64(), finished.GetProperty("pairsStored").GetInt32()));
        var (_, stats, _) = await Tm("stats", "--memory", memory, "--json");
        using var statsJson = JsonDocument.Parse(stats);
        Assert.Equal(units, statsJson.RootElement.GetProperty("memories")[0].GetProperty("segments").GetInt64());
        var (_, imports, _) = await Tm("imports", "--memory", memory, "--json");
        using var importsJson = JsonDocument.Parse(imports);
        Assert.Single(importsJson.RootElement.GetProperty("imports").EnumerateArray());
    }

    [Fact]
    public async Task Resuming_a_completed_import_fails_with_the_servers_reason()
    {
        var tmx = WriteTmx("done.tmx", 10);
        var (_, json, _) = await Tm("import", tmx, "--memory", "cli-file-done", "--json");
        using var document = JsonDocument.Parse(json);
        var importId = document.RootElement.GetProperty("files")[0].GetProperty("importId").GetInt64();

        var (exitCode, _, error) = await Tm("import", tmx, "--memory", "cli-file-done", "--resume", importId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.ServerError, exitCode);
        Assert.Contains("FAILED_PRECONDITION", error);
        Assert.Contains("complete", error);
    }

    [GeneratedRegex(@"^sessions\.tmx: import (?<id>\d+): [\d,]+ segments committed, \d+% of [\d.]+ KB, [\d,]+ segments/s")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"tm import \S+ --resume (?<id>\d+) .*")]
    private static partial Regex ResumeLine();

    /// <summary>A StringWriter that cancels a token once it has been sent <paramref name="trigger"/>, as Ctrl+C would at that moment.</summary>
    private sealed class CancelOnWrite(string trigger, CancellationTokenSource cancellation) : StringWriter
    {
        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Check();
        }

        private void Check()
        {
            if (!cancellation.IsCancellationRequested && GetStringBuilder().ToString().Contains(trigger, StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        }
    }
}
