using System.Globalization;
using System.Text.Json;
using TM.Client;
using TM.Protos.V1;

namespace TM.Server.Tests.Client;

/// <summary>The <c>tm</c> console client, run in-process against the real server, read as a user would.</summary>
public sealed class TmCommandLineTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string KoreanQuery =
        "1951년 6월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";

    private Task<(int ExitCode, string Out, string Err)> Tm(params string[] args) => TmCli.RunAsync(server.Address, args);

    [Fact]
    public async Task Match_shows_the_seed_translation_with_its_score_and_the_difference()
    {
        var (exitCode, output, _) = await Tm("match", KoreanQuery);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("In the aftermath of the 5th campaign", output);
        Assert.Matches(@"9\d%", output);
        // Redirected output marks what differs in plain text: the memory's 5 against the query's 6.
        Assert.Contains("[-5-]", output);
        Assert.Contains("{+6+}", output);
        // The translation takes the query's month, marked the same way, and says where the pair came from.
        Assert.Contains("{+June+}", output);
        Assert.Contains("aligned", output);
    }

    [Fact]
    public async Task Match_with_json_prints_a_document_scripts_can_read()
    {
        var (exitCode, output, _) = await Tm("match", KoreanQuery, "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var json = JsonDocument.Parse(output);
        var matches = json.RootElement.GetProperty("matches");
        Assert.StartsWith("1951년 5월 말", matches[0].GetProperty("source").GetString());
        Assert.InRange(matches[0].GetProperty("score").GetDouble(), 90, 99.99);
        Assert.Contains("June", matches[0].GetProperty("adaptedTarget").GetString());
        Assert.Equal("month", matches[0].GetProperty("adaptations")[0].GetProperty("kind").GetString());
        Assert.True(matches[0].GetProperty("aligned").GetBoolean());
    }

    [Fact]
    public async Task Match_marks_a_fragment_and_shows_the_translation_of_the_pair_it_is_in()
    {
        // The aligner stored this sentence with the next one against one Korean sentence (a 1-2 pair).
        const string sentence = "Kim accepted these suggestions and tried to persuade Staline with Mao.";

        var (exitCode, output, _) = await Tm("match", sentence);
        var (jsonExit, json, _) = await Tm("match", sentence, "--json");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"\d+%F", output);
        Assert.Contains("김일성은 이에 동의하여", output);
        Assert.Contains("F fragment:", output);
        Assert.Equal(ExitCodes.Success, jsonExit);
        using var document = JsonDocument.Parse(json);
        var best = document.RootElement.GetProperty("matches")[0];
        Assert.Equal("fragment", best.GetProperty("kind").GetString());
        Assert.Equal(0, best.GetProperty("sourceSpan").GetProperty("start").GetInt32());
        Assert.Equal(sentence.Length, best.GetProperty("sourceSpan").GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task Match_with_an_origin_finds_only_pairs_of_that_document()
    {
        var (exitCode, output, _) = await Tm("match", KoreanQuery, "--origin", "no-such-document.txt");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("No match", output);
    }

    [Fact]
    public async Task Match_file_reads_the_file_as_a_document_and_marks_context_matches()
    {
        var pairs = await Functional.StoredPairs.ReadAsync(server.Client);
        var file = Path.Combine(Path.GetTempPath(), $"tm-context-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, [pairs[2].Korean, pairs[3].Korean, pairs[4].Korean]);
        try
        {
            var (exitCode, output, _) = await Tm("match", "--file", file);

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("100%C", output);
            Assert.Contains("C context match", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Segment_show_edit_and_delete_correct_one_pair_and_a_stale_version_is_refused()
    {
        using (var call = server.Client.ImportSegments())
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = "cli-review", Ko = "김일성은 스탈린 설득에 나섰다.", En = "Kim tried to persuade Staline." });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        }
        var id = (await server.Client.LookupAsync(new LookupRequest { Memory = "cli-review", Text = "김일성은 스탈린 설득에 나섰다." })).Matches[0].SegmentId;

        var (listExit, list, _) = await Tm("segment", "list", "--memory", "cli-review");
        var (showExit, shown, _) = await Tm("segment", "show", id, "--memory", "cli-review", "--json");
        var version = JsonDocument.Parse(shown).RootElement.GetProperty("version").GetInt64();
        var (editExit, edited, _) = await Tm("segment", "edit", id, "--en", "Kim tried to persuade Stalin.", "--version", version.ToString(CultureInfo.InvariantCulture), "--memory", "cli-review");
        var (_, history, _) = await Tm("segment", "show", id, "--history", "--memory", "cli-review");
        var (staleExit, _, staleError) = await Tm("segment", "delete", id, "--version", version.ToString(CultureInfo.InvariantCulture), "--memory", "cli-review");
        var (deleteExit, deleted, _) = await Tm("segment", "delete", id, "--memory", "cli-review");

        Assert.Equal(ExitCodes.Success, listExit);
        Assert.Contains("Staline", list);
        Assert.Contains("1 pairs in all", list);
        Assert.Equal(ExitCodes.Success, showExit);
        Assert.Equal(ExitCodes.Success, editExit);
        Assert.Contains("en: Kim tried to persuade Stalin.", edited);
        Assert.Contains("en: Kim tried to persuade Staline.", history);
        Assert.NotEqual(ExitCodes.Success, staleExit);
        Assert.Contains("has changed since version", staleError);
        Assert.Equal(ExitCodes.Success, deleteExit);
        Assert.Contains("is deleted", deleted);
        Assert.Empty((await server.Client.LookupAsync(new LookupRequest { Memory = "cli-review", Text = "김일성은 스탈린 설득에 나섰다." })).Matches);
    }

    [Fact]
    public async Task Memories_create_list_and_delete_with_a_confirmation()
    {
        var (createExit, created, _) = await Tm("memories", "create", "cli-new", "--description", "Korean War abstracts, 2026", "--min-score", "70");
        var (_, listed, _) = await Tm("memories", "list", "--json");
        var (renameExit, renamed, _) = await Tm("memories", "rename", "cli-new", "cli-renamed");
        var (unconfirmedExit, _, unconfirmed) = await Tm("memories", "delete", "cli-renamed");
        var (deleteExit, deleted, _) = await Tm("memories", "delete", "cli-renamed", "--yes");
        var (_, after, _) = await Tm("memories", "list");

        Assert.Equal(ExitCodes.Success, createExit);
        Assert.Contains("'cli-new' is created", created);
        var memory = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "cli-new");
        Assert.Equal("Korean War abstracts, 2026", memory.GetProperty("description").GetString());
        Assert.Equal(70, memory.GetProperty("minScore").GetDouble());
        Assert.Equal(ExitCodes.Success, renameExit);
        Assert.Contains("is now 'cli-renamed'", renamed);
        Assert.NotEqual(ExitCodes.Success, unconfirmedExit);
        Assert.Contains("--yes", unconfirmed);
        Assert.Equal(ExitCodes.Success, deleteExit);
        Assert.Contains("is deleted", deleted);
        Assert.DoesNotContain("cli-new", after);
        Assert.DoesNotContain("cli-renamed", after);
    }

    [Fact]
    public async Task Match_file_answers_every_line_in_order_in_one_batch()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tm-match-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, $"{KoreanQuery}\n\n—\nThus the cease-fire negotiations bore fruits in the armistice signed on 26 July.\n");
        try
        {
            var (exitCode, output, _) = await Tm("match", "--file", file, "--json");

            Assert.Equal(ExitCodes.Success, exitCode);
            using var json = JsonDocument.Parse(output);
            var results = json.RootElement.EnumerateArray().ToArray();
            Assert.Equal(3, results.Length); // the blank line is skipped
            Assert.StartsWith("1951년 5월 말", results[0].GetProperty("matches")[0].GetProperty("source").GetString());
            Assert.Equal(0, results[1].GetProperty("matches").GetArrayLength()); // "—" has nothing to match
            Assert.Equal(100, results[2].GetProperty("matches")[0].GetProperty("score").GetDouble());
            Assert.Equal("en", results[2].GetProperty("sourceLang").GetString());

            var (plainExit, plain, _) = await Tm("match", "--file", file);
            Assert.Equal(ExitCodes.Success, plainExit);
            Assert.Contains("1. 1951년 6월 말", plain);
            Assert.Contains("In the aftermath of the 5th campaign", plain);
            Assert.Contains("3. Thus the cease-fire", plain);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Match_with_both_a_sentence_and_a_file_or_a_missing_file_says_what_to_do()
    {
        var (bothExit, _, bothError) = await Tm("match", KoreanQuery, "--file", "x.txt");
        var (missingExit, _, missingError) = await Tm("match", "--file", "/nonexistent/sentences.txt");

        Assert.Equal(ExitCodes.Usage, bothExit);
        Assert.Contains("either a sentence or --file", bothError);
        Assert.Equal(ExitCodes.InputError, missingExit);
        Assert.Contains("not found", missingError);
    }

    [Fact]
    public async Task Concordance_lists_segments_with_the_term()
    {
        var (exitCode, output, _) = await Tm("concordance", "armistice");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("armistice", output);
    }

    [Fact]
    public async Task Align_previews_the_beads_of_a_seed_and_scores_them_against_the_gold()
    {
        var seed = Path.Combine(RepositoryPaths.Seeds, "001_86855117e051cb78.txt");
        var gold = Path.Combine(RepositoryPaths.Root, "tests", "TM.Text.Tests", "Gold", "seed-alignment.jsonl");

        var (exitCode, output, _) = await Tm("align", seed, "--gold", gold);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("1953년 3월 5일", output);
        Assert.Contains("F1", output);
    }

    [Fact]
    public async Task Import_of_a_document_and_a_TSV_file_reports_what_was_stored()
    {
        var directory = Directory.CreateTempSubdirectory("tm-cli-").FullName;
        try
        {
            var document = Path.Combine(directory, "1950.txt");
            await File.WriteAllTextAsync(document,
                "1950년 6월 25일 북한군이 38선을 넘어 남침하였다.\n\nOn 25 June 1950 the North Korean army crossed the 38th parallel.\n");
            var tsv = Path.Combine(directory, "terms.tsv");
            await File.WriteAllTextAsync(tsv, "ko\ten\n정전 협정\tthe armistice agreement\n포로 교환\tthe exchange of prisoners\n");

            var (exitCode, output, error) = await Tm("import", document, tsv, "--memory", "cli-import");

            Assert.True(exitCode == ExitCodes.Success, output + error);
            var (_, stats, _) = await Tm("stats", "--memory", "cli-import", "--json");
            using var json = JsonDocument.Parse(stats);
            Assert.Contains("\"segments\": 3", stats.Replace(":3", ": 3"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Server_errors_exit_1_with_the_status_and_message()
    {
        var (exitCode, _, error) = await Tm("match", KoreanQuery, "--memory", "nowhere");

        Assert.Equal(ExitCodes.ServerError, exitCode);
        Assert.Contains("NOT_FOUND", error);
        Assert.Contains("nowhere", error);
    }

    [Fact]
    public async Task Server_that_is_down_exits_3_with_a_message_saying_how_to_start_it()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await CliApp.RunAsync(["stats", "--server", "http://127.0.0.1:1"], stdout, stderr);

        Assert.Equal(ExitCodes.Unavailable, exitCode);
        Assert.Contains("Cannot reach the TM server at http://127.0.0.1:1", stderr.ToString());
        Assert.Contains("dotnet run --project src/TM.Server", stderr.ToString());
    }
}
