using System.Text.Json;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary>What each command prints and sends, over the real gRPC stack against <see cref="FakeServer"/>.</summary>
public sealed class CommandOutputTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Match_lists_matches_best_first_with_differences_in_wdiff_notation()
    {
        _server.Service.LookupResponse = new LookupResponse
        {
            SourceLang = "ko",
            Matches =
            {
                new Match { Source = "1951년 4월까지 쌍방은 합의를 이루었다.", Target = "By April 1951 both sides agreed.", Score = 96.8 },
                new Match { Source = "1951년 4월까지 쌍방은 [대부분] 합의하였다.", Target = "Both sides mostly agreed.", Score = 61, LowConfidence = true },
            },
        };

        var run = await _server.RunAsync("match", "1952년 4월까지 쌍방은 합의를 이루었다.", "--memory", "history", "--max", "3", "--lang", "ko");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = Assert.IsType<LookupRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal(("history", "ko", 3, 0.0), (request.Memory, request.SourceLang, request.MaxResults, request.MinScore));
        Assert.Contains("96%", run.Out);
        Assert.Contains("61%*", run.Out);
        Assert.Contains("[-1951-]{+1952+}년", run.Out);
        Assert.Contains("[대부분]", run.Out);
        Assert.Contains("low-confidence", run.Out);
        Assert.True(run.Out.IndexOf("96%", StringComparison.Ordinal) < run.Out.IndexOf("61%", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Out);
    }

    [Fact]
    public async Task Match_at_a_narrow_width_keeps_each_marked_span_and_its_markers_on_one_line()
    {
        const string query = "The armistice talks resumed at Panmunjom in October 1951 after a long pause.";
        const string source = "The armistice talks began at Kaesong in July 1951 after a long pause.";
        _server.Service.LookupResponse = new LookupResponse
        {
            SourceLang = "en",
            Matches = { new Match { Source = source, Target = "휴전회담은 1951년 7월 개성에서 시작되었다.", Score = 74 } },
        };

        var run = await _server.RunAsync(new Dictionary<string, string> { ["COLUMNS"] = "40" }, "match", query);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Out.Split('\n');
        // The source column is 13 cells wide here: each old and each new text fits on a line, no old+new pair does.
        foreach (var span in new[] { "[-began-]", "{+resumed+}", "[-Kaesong-]", "{+Panmunjom+}", "[-July-]", "{+October+}" })
        {
            Assert.True(lines.Any(line => line.Contains(span, StringComparison.Ordinal)), $"'{span}' is not on one line:\n{run.Out}");
        }
    }

    [Fact]
    public async Task Match_without_results_names_the_threshold()
    {
        var run = await _server.RunAsync("match", "전쟁", "--min-score", "72.5");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("No match at or above 72.5%.", run.Out.Trim());
        Assert.Equal(72.5, Assert.IsType<LookupRequest>(Assert.Single(_server.Service.Requests)).MinScore);
    }

    [Fact]
    public async Task Match_without_results_names_the_server_default_threshold()
    {
        var run = await _server.RunAsync("match", "전쟁");

        Assert.Equal("No match at or above 50%.", run.Out.Trim());
    }

    [Fact]
    public async Task Match_json_is_one_camel_case_document()
    {
        _server.Service.LookupResponse = new LookupResponse
        {
            SourceLang = "en",
            Matches =
            {
                new Match
                {
                    Source = "The war ended.", Target = "전쟁이 끝났다.", Score = 100, SegmentId = "s1", Origin = "doc.txt",
                    SourceTmx = "The <bpt i=\"1\">&lt;b&gt;</bpt>war<ept i=\"1\">&lt;/b&gt;</ept> ended.", TargetTmx = "전쟁이 끝났다.",
                },
            },
        };

        var run = await _server.RunAsync("match", "The war ended.", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("en", root.GetProperty("sourceLang").GetString());
        Assert.Equal(50, root.GetProperty("minScore").GetDouble());
        var match = Assert.Single(root.GetProperty("matches").EnumerateArray());
        Assert.Equal(100, match.GetProperty("score").GetDouble());
        Assert.Equal("전쟁이 끝났다.", match.GetProperty("target").GetString());
        Assert.Equal("s1", match.GetProperty("segmentId").GetString());
        Assert.Equal("The <bpt i=\"1\">&lt;b&gt;</bpt>war<ept i=\"1\">&lt;/b&gt;</ept> ended.", match.GetProperty("sourceTmx").GetString());
        Assert.False(match.GetProperty("lowConfidence").GetBoolean());
        Assert.Contains("전쟁이 끝났다.", run.Out);
    }

    [Fact]
    public async Task Server_error_prints_the_status_name_and_message_and_exits_1()
    {
        _server.Service.Failure = new Status(StatusCode.InvalidArgument, "The document is empty.");
        var document = _directory.Write("empty.txt", "\n");

        var run = await _server.RunAsync("align", document);

        Assert.Equal(ExitCodes.ServerError, run.ExitCode);
        Assert.Equal("Error: INVALID_ARGUMENT: The document is empty.", run.Error.Trim());
    }

    [Fact]
    public async Task Deadline_is_reported_with_a_hint_to_raise_it()
    {
        _server.Service.Hang = true;

        var run = await _server.RunAsync("stats", "--timeout", "0.3");

        Assert.Equal(ExitCodes.ServerError, run.ExitCode);
        Assert.StartsWith("Error: DEADLINE_EXCEEDED:", run.Error.Trim());
        Assert.Contains("--timeout", run.Error);
    }

    [Fact]
    public async Task Concordance_reports_hits_and_how_many_were_left_out()
    {
        _server.Service.ConcordanceResponse = new ConcordanceResponse
        {
            Total = 3,
            Hits = { new ConcordanceHit { Ko = "휴전회담은 교착 상태에 빠졌다.", En = "The armistice talks stalled.", Lang = "ko" } },
        };

        var run = await _server.RunAsync("concordance", "휴전회담", "--max", "1", "--lang", "ko");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("휴전회담은 교착 상태에 빠졌다.", run.Out);
        Assert.Contains("1 of 3 segments", run.Out);
        var request = Assert.IsType<ConcordanceRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal(("휴전회담", "ko", 1), (request.Term, request.Lang, request.MaxResults));
    }

    [Fact]
    public async Task Concordance_json_carries_the_spans_of_the_term_and_of_its_translation()
    {
        _server.Service.ConcordanceResponse = new ConcordanceResponse
        {
            Total = 1,
            Hits =
            {
                new ConcordanceHit
                {
                    Ko = "스탈린은 동의했다.", En = "Stalin agreed.", Lang = "ko",
                    KoSpans = { new TextSpan { Start = 0, Length = 3 } },
                    TranslationSpans = { new TextSpan { Start = 0, Length = 6 } },
                },
            },
        };

        var run = await _server.RunAsync("concordance", "스탈린", "--lang", "ko", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal((0, 3), Span(hit.GetProperty("koSpans")[0]));
        Assert.Equal(0, hit.GetProperty("enSpans").GetArrayLength());
        Assert.Equal((0, 6), Span(hit.GetProperty("translationSpans")[0]));

        static (int, int) Span(JsonElement span) => (span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task Import_sends_documents_whole_and_lists_dropped_lines()
    {
        _server.Service.ImportDocumentResponse = new ImportDocumentResponse
        {
            PairsStored = 9, PairsSkippedDuplicate = 1, LinesDropped = 1, DroppedLines = { "초록 열기/닫기 버튼" },
            UnpairedSentences = 2, KoSentences = 11, EnSentences = 12,
        };
        var document = _directory.Write("000.txt", "초록 열기/닫기 버튼\n\n전쟁은 끝났다.\n\nThe war ended.\n");

        var run = await _server.RunAsync("import", document, "--memory", "history");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = Assert.IsType<ImportDocumentRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal(("history", "000.txt"), (request.Memory, request.Name));
        Assert.StartsWith("초록", request.Text);
        Assert.Contains("9 pairs stored, 1 duplicate skipped, 2 unpaired sentences, 1 line dropped as noise (11 Korean sentences, 12 English sentences).", run.Out);
        Assert.Contains("dropped: 초록 열기/닫기 버튼", run.Out);
    }

    [Fact]
    public async Task Import_goes_on_after_a_refused_file_and_exits_1()
    {
        var bad = _directory.Write("bad.txt", [0xFF, 0x0A]);
        var good = _directory.Write("good.txt", "전쟁은 끝났다.\n\nThe war ended.\n");
        _server.Service.Failure = new Status(StatusCode.InvalidArgument, "The document has no English block.");

        var run = await _server.RunAsync("import", bad, good, "--json");

        Assert.Equal(ExitCodes.ServerError, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(["skipped", "failed"], files.Select(f => f.GetProperty("status").GetString()));
        Assert.Equal("INVALID_ARGUMENT", files[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Contains($"{good}: INVALID_ARGUMENT: The document has no English block.", run.Error);
    }

    [Fact]
    public async Task Align_numbers_beads_names_their_type_and_scores_against_gold()
    {
        _server.Service.AlignDocumentResponse = new AlignDocumentResponse
        {
            Pairs =
            {
                new AlignedPair { Ko = "가.", En = "A.", Confidence = 0.92, KoSentenceCount = 1, EnSentenceCount = 1 },
                new AlignedPair { Ko = "나. 다.", En = "B and C.", Confidence = 0.41, KoSentenceCount = 2, EnSentenceCount = 1 },
                new AlignedPair { Ko = "라.", En = "", Confidence = 0.3, KoSentenceCount = 1, EnSentenceCount = 0 },
            },
        };
        var document = _directory.Write("doc.txt", "가. 나. 다. 라.\n\nA. B and C.\n");
        var gold = _directory.Write("gold.jsonl",
            """
            {"doc": "doc.txt", "ko": ["가."], "en": ["A."]}
            {"doc": "doc.txt", "ko": ["나.", "다."], "en": ["B and C."]}
            {"doc": "doc.txt", "ko": ["라."], "en": ["D."]}
            {"doc": "other.txt", "ko": ["마."], "en": ["E."]}
            """);

        var run = await _server.RunAsync("align", document, "--gold", gold);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("2-1", run.Out);
        Assert.Contains("1-0", run.Out);
        Assert.Contains("0.41?", run.Out);
        Assert.Contains("3 beads: 1 × 1-0, 1 × 1-1, 1 × 2-1; 2 below confidence 0.5", run.Out);
        Assert.Contains("precision 0.667 (2/3), recall 0.667 (2/3), F1 0.667", run.Out);
    }

    [Fact]
    public async Task Stats_shows_the_default_memory_by_name_and_counts_with_separators()
    {
        _server.Service.StatsResponse = new GetStatsResponse
        {
            Memories =
            {
                new MemoryStats { Memory = "", Segments = 12345, Imports = 2, DistinctKo = 12000, DistinctEn = 12001 },
                new MemoryStats { Memory = "glossary", Segments = 3, Imports = 1, DistinctKo = 3, DistinctEn = 3 },
            },
        };

        var run = await _server.RunAsync("stats");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("(default)", run.Out);
        Assert.Contains("12,345", run.Out);
        Assert.Contains("glossary", run.Out);
        Assert.Equal("", Assert.IsType<GetStatsRequest>(Assert.Single(_server.Service.Requests)).Memory);
    }

    [Fact]
    public async Task Global_options_work_before_the_command()
    {
        var run = await CliRun.RunAsync("--server", _server.Address, "--memory", "history", "--json", "--timeout", "5", "match", "전쟁");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("전쟁", json.RootElement.GetProperty("query").GetString());
        Assert.Equal("history", Assert.IsType<LookupRequest>(Assert.Single(_server.Service.Requests)).Memory);
    }

    [Fact]
    public async Task Global_options_work_on_both_sides_of_the_command_at_once()
    {
        var run = await CliRun.RunAsync("--json", "stats", "--memory", "glossary", "--server", _server.Address);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("glossary", Assert.IsType<GetStatsRequest>(Assert.Single(_server.Service.Requests)).Memory);
    }

    [Fact]
    public async Task Health_reports_serving_and_fails_for_an_unknown_service()
    {
        var up = await _server.RunAsync("health");
        var unknown = await _server.RunAsync("health", "--service", "nope.v1.Nothing", "--json");

        Assert.Equal(ExitCodes.Success, up.ExitCode);
        Assert.Contains("SERVING", up.Out);
        Assert.Equal(ExitCodes.ServerError, unknown.ExitCode);
        using var json = JsonDocument.Parse(unknown.Out);
        Assert.Equal("SERVICE_UNKNOWN", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reads_are_retried_when_the_server_is_briefly_unavailable()
    {
        _server.Service.StatsResponse = new GetStatsResponse { Memories = { new MemoryStats { Memory = "default", Segments = 19 } } };
        _server.Service.UnavailableCalls = 2;

        var run = await _server.RunAsync("stats");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(3, _server.Service.Requests.Count);
    }

    [Fact]
    public async Task Writes_are_not_retried_when_the_server_is_unavailable()
    {
        _server.Service.UnavailableCalls = 1;
        var document = Path.Combine(Path.GetTempPath(), $"tm-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(document, "전쟁은 끝났다.\n\nThe war ended.\n");
        try
        {
            var run = await _server.RunAsync("import", document);

            Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
            Assert.Single(_server.Service.Requests);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task Health_shows_the_server_and_each_check()
    {
        var run = await _server.RunAsync("health");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var check in new[] { "tm.v1.TranslationMemory", "tm.store", "tm.index", "tm.search", "tm.data-directory" })
            Assert.Contains(check, run.Out);
    }

    [Fact]
    public async Task The_key_is_sent_from_the_key_file_or_else_from_TM_KEY()
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"tm-key-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(keyFile, "tm_from-the-file\n");
        try
        {
            var fromFile = await _server.RunAsync(new Dictionary<string, string> { ["TM_KEY"] = "tm_from-the-environment" }, "stats", "--key-file", keyFile);
            var fromEnvironment = await _server.RunAsync(new Dictionary<string, string> { ["TM_KEY"] = "tm_from-the-environment" }, "stats");

            Assert.True(fromFile.ExitCode == ExitCodes.Success, fromFile.ToString());
            Assert.True(fromEnvironment.ExitCode == ExitCodes.Success, fromEnvironment.ToString());
            Assert.Equal(["Bearer tm_from-the-file", "Bearer tm_from-the-environment"], _server.Service.Authorizations);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_key_file_that_cannot_be_read_is_a_usage_error()
    {
        var run = await _server.RunAsync("stats", "--key-file", "/nonexistent/tm.key");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--key-file", run.Error);
        Assert.Empty(_server.Service.Requests);
    }
}
