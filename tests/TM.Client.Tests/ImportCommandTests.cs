using System.Text;
using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary><c>tm import</c> and <c>tm imports</c> over the real gRPC stack against <see cref="FakeServer"/>: what is sent, what is shown.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>A file of <paramref name="size"/> bytes named <paramref name="name"/>; the fake server does not parse it.</summary>
    private string WriteFile(string name, int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)('a' + i % 26);
        }

        return _directory.Write(name, bytes);
    }

    [Fact]
    public async Task Import_streams_a_TMX_file_in_64_KB_chunks_with_the_options_on_the_first_message()
    {
        var path = WriteFile("big.tmx", 150_000);

        var run = await _server.RunAsync("import", path, "--memory", "history", "--policy", "overwrite", "--source-lang", "en");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var messages = Assert.Single(_server.Service.FileCalls);
        var first = messages[0];
        Assert.Equal(("history", "big.tmx", "tmx", UpdatePolicy.Overwrite, "en", 150_000L, 0L),
            (first.Memory, first.FileName, first.Format, first.UpdatePolicy, first.SourceLang, first.TotalBytes, first.ResumeImportId));
        Assert.All(messages.Skip(1), m => Assert.Equal(("", ""), (m.Memory, m.FileName)));
        Assert.All(messages, m => Assert.InRange(m.Chunk.Length, 1, 64 * 1024));
        Assert.Equal(await File.ReadAllBytesAsync(path), messages.SelectMany(m => m.Chunk.ToByteArray()).ToArray());
    }

    [Theory]
    [InlineData("pairs.tsv", "ko\ten\n전쟁\twar\n", "tsv")]
    [InlineData("pairs.csv", "ko,en\n전쟁,war\n", "csv")]
    [InlineData("pairs.txt", "전쟁\twar\n평화\tpeace\n", "tsv")]
    [InlineData("export.xml", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n", "tmx")]
    public async Task Pair_files_go_to_ImportFile_with_their_format(string name, string content, string format)
    {
        var path = _directory.Write(name, content);

        var run = await _server.RunAsync("import", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(format, Assert.Single(_server.Service.FileCalls)[0].Format);
        Assert.Empty(_server.Service.Requests.OfType<ImportDocumentRequest>());
    }

    [Fact]
    public async Task Redirected_import_prints_plain_progress_lines_and_a_summary()
    {
        var path = WriteFile("big.tmx", 150_000);

        var run = await _server.RunAsync("import", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // The first acknowledgment always gets a line: it names the import id a resume would need.
        Assert.StartsWith("big.tmx: import 7: 10 segments committed, 43% of 150.0 KB, ", lines[0]);
        Assert.StartsWith($"{path} (TMX, import 7): 27 pairs stored, 3 duplicates skipped, 0 units left out (not Korean-English pairs); 30 units read, 3 batches committed in ", lines[^1]);
        Assert.DoesNotContain('\u001b', run.Out + run.Error);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Import_json_prints_the_final_progress_and_keeps_progress_lines_off_stdout()
    {
        var path = WriteFile("big.tmx", 150_000);

        var run = await _server.RunAsync("import", path, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(("tmx", "imported", 7), (file.GetProperty("kind").GetString(), file.GetProperty("status").GetString(), file.GetProperty("importId").GetInt32()));
        var progress = file.GetProperty("progress");
        Assert.True(progress.GetProperty("completed").GetBoolean());
        Assert.Equal(27, progress.GetProperty("pairsStored").GetInt64());
        Assert.Equal(150_000, progress.GetProperty("totalBytes").GetInt64());
        Assert.Equal(0, progress.GetProperty("pairsUpdated").GetInt64());
        Assert.Equal(27, json.RootElement.GetProperty("pairsStored").GetInt64());
        Assert.Contains("segments committed", run.Error);
    }

    [Fact]
    public async Task Import_carries_on_by_itself_when_the_connection_breaks_after_an_acknowledgment()
    {
        var path = WriteFile("big.tmx", 150_000);
        _server.Service.BreakImportFileCalls = 1;

        var run = await _server.RunAsync("import", path, "--memory", "history");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var calls = _server.Service.FileCalls.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal(7, calls[1][0].ResumeImportId);
        Assert.Equal("history", calls[1][0].Memory);

        // A resume sends the file again from its first byte.
        Assert.Equal(await File.ReadAllBytesAsync(path), calls[1].SelectMany(m => m.Chunk.ToByteArray()).ToArray());
        // Redirected output wraps at 120 columns, and where depends on the measured rate in the summary: read it as one line.
        var output = string.Join(' ', run.Out.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("big.tmx: Connection lost (UNAVAILABLE: the server is going away); 10 segments of import 7 are committed. Resuming in 1.0 s (retry 1 of 5).", output);
        Assert.Contains("1 retry after the connection broke.", output);
    }

    [Fact]
    public async Task Import_that_loses_the_connection_for_good_prints_the_resume_command_and_exits_3()
    {
        var path = WriteFile("big.tmx", 150_000);
        var other = WriteFile("next.tmx", 10);
        _server.Service.BreakImportFileCalls = 100;

        var run = await _server.RunAsync("import", path, other, "--memory", "history", "--policy", "keep-existing", "--retries", "0");

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Single(_server.Service.FileCalls);
        Assert.Contains("The import stopped: import 7 of", run.Error);
        Assert.Contains("has 10 segments committed.", run.Error);
        Assert.Contains($"  tm import {path} --resume 7 --memory history --server {_server.Address}", run.Error);
        Assert.Contains($"Not started: {other}.", run.Error);
    }

    [Fact]
    public async Task Cancelling_an_import_prints_the_resume_command_and_exits_130()
    {
        var path = WriteFile("big.tmx", 150_000);
        _server.Service.HoldAfterFirstAck = true;
        using var cancellation = new CancellationTokenSource();
        var stdout = new CancelOnWrite("segments committed", cancellation);
        var stderr = new StringWriter();

        var exitCode = await CliApp.RunAsync(["import", path, "--server", _server.Address], stdout, stderr, cancellation.Token);

        Assert.True(exitCode == ExitCodes.Cancelled, stdout + "\n" + stderr);
        Assert.Contains("Cancelled: import 7 of", stderr.ToString());
        Assert.Contains($"tm import {path} --resume 7 --server {_server.Address}", stderr.ToString());
    }

    [Fact]
    public async Task Import_of_a_document_sends_the_policy()
    {
        _server.Service.ImportDocumentResponse = new ImportDocumentResponse { PairsStored = 1, PairsKeptExisting = 2, ImportId = 12 };
        var document = _directory.Write("doc.txt", "전쟁은 끝났다.\n\nThe war ended.\n");

        var run = await _server.RunAsync("import", document, "--policy", "keep-existing");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(UpdatePolicy.KeepExisting, Assert.IsType<ImportDocumentRequest>(Assert.Single(_server.Service.Requests)).UpdatePolicy);
        Assert.Contains("(document, import 12): 1 pair stored, 0 duplicates skipped, 2 existing translations kept,", run.Out);
    }

    [Fact]
    public async Task Imports_shows_status_policy_and_counts_and_how_to_carry_on_with_an_interrupted_import()
    {
        _server.Service.ListImportsResponse = new ListImportsResponse
        {
            Imports =
            {
                new ImportRecord
                {
                    ImportId = 3, Memory = "", Kind = "document", Name = "seed.txt", Status = "completed", UpdatePolicy = "add_alternative",
                    PairsStored = 12, Batches = 1, UnitsCommitted = 12, Created = "2026-01-31T09:15:02Z", Finished = "2026-01-31T09:15:04Z",
                },
                new ImportRecord
                {
                    ImportId = 8, Memory = "history", Kind = "tmx", Name = "big file.tmx", Status = "interrupted", UpdatePolicy = "overwrite",
                    PairsStored = 240_000, PairsSkipped = 5_000, PairsUpdated = 5_000, UnitsCommitted = 250_000, Batches = 50, Created = "2026-01-31T10:00:00Z",
                },
                new ImportRecord
                {
                    ImportId = 9, Memory = "history", Kind = "tmx", Name = "cut.tmx", Status = "failed", UpdatePolicy = "keep_existing",
                    PairsKeptExisting = 4, Message = "cut.tmx, line 2: the file ends inside <seg>.", Created = "2026-01-31T11:00:00Z", Finished = "2026-01-31T11:00:01Z",
                },
            },
        };

        var run = await _server.RunAsync("imports");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("2026-01-31 09:15", run.Out);
        Assert.Contains("2.0 s", run.Out);
        Assert.Contains("interrupted", run.Out);
        Assert.Contains("keep-existing", run.Out);
        Assert.Contains("240,000", run.Out);
        Assert.Contains("Import 8 (big file.tmx) was interrupted after 250,000 units: carry on with `tm import 'big file.tmx' --resume 8 --memory history`", run.Out);
        Assert.Contains("Import 9 (cut.tmx) failed: cut.tmx, line 2: the file ends inside <seg>.", run.Out);
        Assert.DoesNotContain("Import 3", run.Out);
    }

    [Fact]
    public async Task Imports_shows_how_long_each_import_took_from_timestamps_with_or_without_fractions()
    {
        _server.Service.ListImportsResponse = new ListImportsResponse
        {
            Imports =
            {
                new ImportRecord
                {
                    ImportId = 1, Kind = "document", Name = "quick.txt", Status = "completed", UpdatePolicy = "add_alternative",
                    Created = "2026-01-31T09:15:02.123Z", Finished = "2026-01-31T09:15:02.523Z",
                },
                new ImportRecord
                {
                    ImportId = 2, Kind = "tmx", Name = "older.tmx", Status = "completed", UpdatePolicy = "add_alternative",
                    Created = "2026-01-31T09:20:00Z", Finished = "2026-01-31T09:21:12Z",
                },
            },
        };

        var run = await _server.RunAsync("imports");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("took 0.4 s", run.Out);
        Assert.Contains("took 1 min 12 s", run.Out);
        Assert.Contains("2026-01-31 09:15", run.Out);
    }

    [Fact]
    public async Task Imports_json_has_every_record_field()
    {
        _server.Service.ListImportsResponse = new ListImportsResponse
        {
            Imports =
            {
                new ImportRecord
                {
                    ImportId = 8, Memory = "history", Kind = "tmx", Name = "big.tmx", Status = "interrupted", UpdatePolicy = "overwrite",
                    PairsStored = 240_000, PairsUpdated = 5_000, PairsKeptExisting = 1, UnitsCommitted = 250_000, Batches = 50, Created = "2026-01-31T10:00:00Z",
                },
            },
        };

        var run = await _server.RunAsync("imports", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var record = Assert.Single(json.RootElement.GetProperty("imports").EnumerateArray());
        Assert.Equal("interrupted", record.GetProperty("status").GetString());
        Assert.Equal("overwrite", record.GetProperty("updatePolicy").GetString());
        Assert.Equal(5_000, record.GetProperty("pairsUpdated").GetInt32());
        Assert.Equal(1, record.GetProperty("pairsKeptExisting").GetInt32());
        Assert.Equal(250_000, record.GetProperty("unitsCommitted").GetInt64());
        Assert.Equal(50, record.GetProperty("batches").GetInt32());
        Assert.Equal("", record.GetProperty("finished").GetString());
        Assert.Equal("", record.GetProperty("message").GetString());
        Assert.Equal("tm import big.tmx --resume 8 --memory history", record.GetProperty("resumeCommand").GetString());
    }

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
            if (GetStringBuilder().ToString().Contains(trigger, StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        }
    }
}
