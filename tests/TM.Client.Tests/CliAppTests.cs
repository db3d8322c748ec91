using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TM.Client.Tests;

/// <summary>Runs of <c>tm</c> that need no server: usage errors, bad input files, a server that is not there.</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("match", "전쟁", "--colour");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--colour", run.Error);
    }

    [Fact]
    public async Task Match_without_a_sentence_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("match");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("--max", "0")]
    [InlineData("--max", "101")]
    [InlineData("--min-score", "120")]
    [InlineData("--lang", "fr")]
    [InlineData("--timeout", "0")]
    [InlineData("--max", "abc")]
    [InlineData("--min-score", "high")]
    [InlineData("--timeout", "soon")]
    public async Task Out_of_range_match_options_are_usage_errors(string option, string value)
    {
        var run = await CliRun.RunAsync("match", "전쟁", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task A_number_option_given_a_word_says_what_it_takes()
    {
        var run = await CliRun.RunAsync("concordance", "전쟁", "--max", "many");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--max must be a whole number between 1 and 500; 'many' is not.", run.Error);
    }

    [Fact]
    public async Task Sentence_starting_with_at_sign_is_text_not_a_response_file()
    {
        var run = await CliRun.RunAsync("match", "@kim 회담은 언제인가요?", "--server", ClosedPortAddress());

        // Reaching the (absent) server proves the argument was accepted as a sentence.
        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
    }

    [Fact]
    public async Task Help_succeeds_and_lists_the_commands()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "match", "concordance", "import", "export", "imports", "align", "stats", "health", "backup" })
        {
            Assert.Contains(command, run.Out);
        }
    }

    [Fact]
    public async Task Every_server_command_has_server_json_and_timeout_options()
    {
        foreach (var command in new[] { "match", "concordance", "import", "export", "imports", "align", "stats", "health", "backup" })
        {
            var run = await CliRun.RunAsync(command, "--help");

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Contains("--server", run.Out);
            Assert.Contains("--json", run.Out);
            Assert.Contains("--timeout", run.Out);
        }
    }

    [Fact]
    public async Task Help_lists_the_global_options()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var option in new[] { "--server", "--memory", "--json", "--timeout" })
        {
            Assert.Contains(option, run.Out);
        }
    }

    [Theory]
    [InlineData("--memory", "glossary", "health")]
    [InlineData("health", "--memory", "glossary")]
    public async Task Memory_is_a_usage_error_for_health_wherever_it_is_given(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--server", ClosedPortAddress()]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--memory does not apply to health", run.Error);
    }

    [Theory]
    [InlineData("--timeout", "0", "stats")]
    [InlineData("--server", "http://localhost:1", "stats", "--server", "http://localhost:2")]
    public async Task Global_options_before_the_command_are_checked_like_the_others(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
    }

    [Fact]
    public async Task Bad_server_address_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("stats", "--server", "ftp://example.org");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Error: --server 'ftp://example.org' is not an http:// or https:// address", run.Error);
    }

    [Fact]
    public async Task Import_of_invalid_utf8_names_file_and_line_and_sends_nothing()
    {
        var path = _directory.Write("cp949.txt", [.. Encoding.UTF8.GetBytes("first line\n"), 0xC7, 0xD1, 0x0A]);

        // Nothing listens there: had the client tried to send the file, it would have exited with Unavailable.
        var run = await CliRun.RunAsync("import", path, "--server", ClosedPortAddress());

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains($"Error: {path}, line 2: invalid UTF-8", run.Error);
        Assert.Contains("Skipped the file.", run.Error);
    }

    [Theory]
    [InlineData("--policy", "merge")]
    [InlineData("--policy", "keep_existing")]
    [InlineData("--source-lang", "ja")]
    [InlineData("--resume", "0")]
    [InlineData("--resume", "abc")]
    [InlineData("--retries", "11")]
    public async Task Bad_import_options_are_usage_errors(string option, string value)
    {
        var path = _directory.Write("pairs.tsv", "ko\ten\n전쟁\twar\n");

        var run = await CliRun.RunAsync("import", path, option, value, "--server", ClosedPortAddress());

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
    }

    [Fact]
    public async Task Resume_with_more_than_one_file_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("import", "a.tmx", "b.tmx", "--resume", "42");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--resume carries on with one import", run.Error);
    }

    [Fact]
    public async Task Resume_of_a_parallel_document_is_an_input_error_and_sends_nothing()
    {
        var document = _directory.Write("doc.txt", "전쟁은 끝났다.\n\nThe war ended.\n");

        var run = await CliRun.RunAsync("import", document, "--resume", "42", "--server", ClosedPortAddress());

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("--resume applies to TMX, TSV and CSV files", run.Error);
    }

    [Fact]
    public async Task Import_help_lists_policy_source_lang_resume_and_retries()
    {
        var run = await CliRun.RunAsync("import", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var option in new[] { "--policy", "add-alternative", "keep-existing", "overwrite", "--source-lang", "--resume", "--retries" })
        {
            Assert.Contains(option, run.Out);
        }
    }

    [Fact]
    public async Task Import_json_lists_unreadable_files_with_their_error()
    {
        var missing = Path.Combine(_directory.Path, "missing.txt");

        var run = await CliRun.RunAsync("import", missing, "--json", "--server", ClosedPortAddress());

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var file = Assert.Single(json.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal(missing, file.GetProperty("file").GetString());
        Assert.Equal("skipped", file.GetProperty("status").GetString());
        Assert.Contains("file not found", file.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Align_with_a_broken_gold_file_fails_before_calling_the_server()
    {
        var document = _directory.Write("doc.txt", "전쟁은 끝났다.\n\nThe war ended.\n");
        var gold = _directory.Write("gold.jsonl", "{not json\n");

        var run = await CliRun.RunAsync("align", document, "--gold", gold, "--server", ClosedPortAddress());

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains($"{gold}: Gold alignment line 1:", run.Error);
    }

    [Fact]
    public async Task Unreachable_server_exits_3_with_a_message_saying_how_to_start_it()
    {
        var address = ClosedPortAddress();

        var run = await CliRun.RunAsync("stats", "--server", address);

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.Contains($"Cannot reach the TM server at {address}: connection refused.", run.Error);
        Assert.Contains("dotnet run --project src/TM.Server", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Import_of_a_TMX_file_with_no_server_exits_3_at_once_without_retrying()
    {
        var tmx = _directory.Write("memory.tmx", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body/></tmx>\n");

        var run = await CliRun.RunAsync("import", tmx, "--server", ClosedPortAddress());

        Assert.True(run.ExitCode == ExitCodes.Unavailable, run.ToString());
        Assert.Contains("Cannot reach the TM server", run.Error);
        Assert.DoesNotContain("Resuming", run.Out + run.Error);
    }

    [Fact]
    public async Task Redirected_output_has_no_ansi_escape_codes()
    {
        var run = await CliRun.RunAsync("stats", "--server", ClosedPortAddress());

        Assert.DoesNotContain('\u001b', run.Out + run.Error);
    }

    /// <summary>An address where nothing listens: a port the OS just handed out and took back.</summary>
    private static string ClosedPortAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
