using System.Text.Json;
using System.Xml.Linq;
using TM.Interchange.Tests;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary><c>tm analyze</c> and <c>tm pretranslate</c> against a fake Pretranslate: the report's table and JSON, and the XLIFF 2.0 file.</summary>
public sealed class PretranslateCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly XNamespace Xlf = "urn:oasis:names:tc:xliff:document:2.0";
    private static readonly XNamespace Mtc = "urn:oasis:names:tc:xliff:matches:2.0";

    private readonly TempDirectory _directory = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeServer.StartAsync();
        _server.Service.PretranslateResponses.AddRange(
        [
            Sentence(0, 0, "정전협정은 1953년에 서명되었다.", AnalysisBand.Exact, new Match { Source = "정전협정은 1953년에 서명되었다.", Target = "The Armistice Agreement was signed in 1953.", Score = 100, SegmentId = "11", Origin = "seeds" }),
            new PretranslateResponse { Progress = new PretranslateProgress { SentencesDone = 1, SentencesTotal = 5 } },
            Sentence(1, 0, "회담은 1952년 5월에 재개되었다.", AnalysisBand.Fuzzy8594, new Match
            {
                Source = "회담은 1951년 5월에 재개되었다.", Target = "The talks resumed in May 1951.", AdaptedTarget = "The talks resumed in May 1952.", Score = 88.5, SegmentId = "12", Origin = "seeds",
            }),
            Sentence(2, 1, "포로 송환이 쟁점이었다.", AnalysisBand.Fuzzy7584, new Match
            {
                Source = "포로 송환이 쟁점이었다. 협상은 길어졌다.", Target = "POW repatriation was the issue. Talks dragged on.", FragmentTarget = "POW repatriation was the issue.", Kind = MatchKind.Fragment, Score = 80, SegmentId = "13",
            }),
            Sentence(3, 1, "새로운 문장이다.", AnalysisBand.NoMatch, null),
            Sentence(4, 2, "정전협정은 1953년에 서명되었다.", AnalysisBand.Repetition, new Match { Source = "정전협정은 1953년에 서명되었다.", Target = "The Armistice Agreement was signed in 1953.", Score = 100, SegmentId = "11", Origin = "seeds" }, repetitionOf: 0),
            new PretranslateResponse
            {
                Report = new AnalysisReport
                {
                    Name = "doc.txt", Memory = "history", SourceLang = "ko", TotalSegments = 5, TotalWords = 18, TotalCharacters = 60,
                    Bands =
                    {
                        new BandCount { Band = AnalysisBand.Exact, Segments = 1, Words = 4, Characters = 15, WordsPercent = 22.22, CharactersPercent = 25 },
                        new BandCount { Band = AnalysisBand.Repetition, Segments = 1, Words = 4, Characters = 15, WordsPercent = 22.22, CharactersPercent = 25 },
                        new BandCount { Band = AnalysisBand.Fuzzy8594, Segments = 1, Words = 4, Characters = 14, WordsPercent = 22.22, CharactersPercent = 23.33 },
                        new BandCount { Band = AnalysisBand.Fuzzy7584, Segments = 1, Words = 3, Characters = 10, WordsPercent = 16.67, CharactersPercent = 16.67 },
                        new BandCount { Band = AnalysisBand.NoMatch, Segments = 1, Words = 3, Characters = 6, WordsPercent = 16.67, CharactersPercent = 10 },
                    },
                },
            },
        ]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Analyze_prints_a_row_per_band_in_cat_tool_order_with_the_total()
    {
        var document = _directory.Write("doc.txt", "정전협정은 1953년에 서명되었다.\n");

        var run = await _server.RunAsync("analyze", document, "--memory", "history", "--min-score", "60");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Analysis of doc.txt against memory history (source ko): 5 segments, 18 words, 60 characters", lines[0]);
        var rows = lines.Where(l => l.Trim('─', '-', ' ').Length > 0).Skip(2).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
            [
                "Context match 0 0 0 0.0%",
                "Repetitions 1 4 15 25.0%",
                "100% 1 4 15 25.0%",
                "95-99% 0 0 0 0.0%",
                "85-94% 1 4 14 23.3%",
                "75-84% 1 3 10 16.7%",
                "50-74% 0 0 0 0.0%",
                "No match 1 3 6 10.0%",
                "Total 5 18 60 100.0%",
            ],
            rows);
        Assert.Contains("% characters", run.Out, StringComparison.Ordinal);
        Assert.Contains("doc.txt: 1 of 5 sentences pretranslated", run.Error, StringComparison.Ordinal);
        var request = Assert.IsType<PretranslateRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal(("history", "doc.txt", 60.0, "정전협정은 1953년에 서명되었다.\n"), (request.Memory, request.Name, request.MinScore, request.Text));
    }

    [Fact]
    public async Task Analyze_json_holds_every_band_and_the_totals()
    {
        var document = _directory.Write("doc.txt", "문장.\n");

        var run = await _server.RunAsync("analyze", document, "--json", "--source-lang", "ko");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var bands = json.RootElement.GetProperty("bands").EnumerateArray().ToList();
        Assert.Equal(["context", "repetition", "exact", "fuzzy_95_99", "fuzzy_85_94", "fuzzy_75_84", "fuzzy_50_74", "no_match"], bands.Select(b => b.GetProperty("band").GetString()));
        Assert.Equal(23.33, bands[4].GetProperty("charactersPercent").GetDouble());
        Assert.Equal(60, json.RootElement.GetProperty("totalCharacters").GetInt64());
        Assert.Equal("ko", Assert.IsType<PretranslateRequest>(Assert.Single(_server.Service.Requests)).SourceLang);
    }

    [Fact]
    public async Task Analyze_of_several_documents_in_json_holds_each_report_and_the_batch_total()
    {
        var first = _directory.Write("one.txt", "문장.\n");
        var second = _directory.Write("two.txt", "문장.\n");

        var run = await _server.RunAsync("analyze", first, second, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(2, json.RootElement.GetProperty("documents").GetArrayLength());
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(("2 documents", 10, 120L), (total.GetProperty("name").GetString(), total.GetProperty("totalSegments").GetInt32(), total.GetProperty("totalCharacters").GetInt64()));
        // The fake answers both documents alike: the second one's exact match occurred in the first, so it leaves the
        // 100% row (30 characters less 10) for the cross-file repetitions with the fuzzy and new sentences.
        var bands = total.GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("band").GetString()!);
        Assert.Equal((1, 20L, 16.7), (bands["exact"].GetProperty("segments").GetInt32(), bands["exact"].GetProperty("characters").GetInt64(), bands["exact"].GetProperty("charactersPercent").GetDouble()));
        Assert.Equal((4, 40L, 33.3), (bands["cross_file_repetition"].GetProperty("segments").GetInt32(), bands["cross_file_repetition"].GetProperty("characters").GetInt64(),
            bands["cross_file_repetition"].GetProperty("charactersPercent").GetDouble()));
        Assert.All(json.RootElement.GetProperty("documents").EnumerateArray(),
            document => Assert.DoesNotContain(document.GetProperty("bands").EnumerateArray(), b => b.GetProperty("band").GetString() == "cross_file_repetition"));
        Assert.Equal(2, _server.Service.Requests.OfType<PretranslateRequest>().Count());
    }

    [Fact]
    public async Task Analyze_moves_sentences_of_an_earlier_document_to_cross_file_repetitions_in_the_batch_total_only()
    {
        // a.txt: A (100%), B (new), A again. b.txt: B (in a.txt), C (85-94%), B again (a repetition within b.txt, which
        // stays one), A (in a.txt).
        const string A = "정전협정은 1953년에 서명되었다.", B = "새로운 문장이다.", C = "회담은 1952년 5월에 재개되었다.";
        _server.Service.PretranslateResponsesByName["a.txt"] =
        [
            Measured(0, A, AnalysisBand.Exact, 2, 10), Measured(1, B, AnalysisBand.NoMatch, 3, 12), Measured(2, A, AnalysisBand.Repetition, 2, 10, repetitionOf: 0),
            Report("a.txt", (AnalysisBand.Exact, 1, 2, 10), (AnalysisBand.NoMatch, 1, 3, 12), (AnalysisBand.Repetition, 1, 2, 10)),
        ];
        _server.Service.PretranslateResponsesByName["b.txt"] =
        [
            Measured(0, B, AnalysisBand.NoMatch, 3, 12), Measured(1, C, AnalysisBand.Fuzzy8594, 4, 15), Measured(2, B, AnalysisBand.Repetition, 3, 12, repetitionOf: 0),
            Measured(3, A, AnalysisBand.Exact, 2, 10),
            Report("b.txt", (AnalysisBand.NoMatch, 1, 3, 12), (AnalysisBand.Fuzzy8594, 1, 4, 15), (AnalysisBand.Repetition, 1, 3, 12), (AnalysisBand.Exact, 1, 2, 10)),
        ];

        var run = await _server.RunAsync("analyze", _directory.Write("a.txt", "가.\n"), _directory.Write("b.txt", "나.\n"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Trim('─', '-', ' ').Length > 0).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        var batch = lines.FindIndex(l => l.StartsWith("Analysis of 2 documents", StringComparison.Ordinal));
        Assert.Equal("Analysis of 2 documents against the default memory (source ko): 7 segments, 19 words, 81 characters", lines[batch]);
        Assert.Equal(
            [
                "Context match 0 0 0 0.0%",
                "Repetitions 2 5 22 27.2%",
                "Cross-file repetitions 2 5 22 27.2%",
                "100% 1 2 10 12.3%",
                "95-99% 0 0 0 0.0%",
                "85-94% 1 4 15 18.5%",
                "75-84% 0 0 0 0.0%",
                "50-74% 0 0 0 0.0%",
                "No match 1 3 12 14.8%",
                "Total 7 19 81 100.0%",
            ],
            lines.Skip(batch + 2).Take(10));
        // Each document's own table is the server's, without the row.
        Assert.Single(lines, l => l.StartsWith("Cross-file repetitions", StringComparison.Ordinal));
        Assert.Equal(2, lines.Take(batch).Count(l => l.StartsWith("100% 1 2 10", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Pretranslate_writes_a_valid_xliff_file_with_targets_states_and_candidates()
    {
        var document = _directory.Write("doc.txt", "문장.\n");
        var output = Path.Combine(_directory.Path, "doc.xlf");

        var run = await _server.RunAsync("pretranslate", document, "-o", output, "--memory", "history");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Total 5 18 60 100.0%", string.Join(' ', run.Out.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains($"Wrote {output}: 5 units in XLIFF 2.0.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".part"));
        var bytes = File.ReadAllBytes(output);
        Xliff2CoreChecker.AssertValid(bytes);
        var root = XDocument.Load(new MemoryStream(bytes)).Root!;
        Assert.Equal(("ko", "en"), ((string?)root.Attribute("srcLang"), (string?)root.Attribute("trgLang")));
        Assert.Equal("doc.txt", (string?)root.Element(Xlf + "file")!.Attribute("original"));
        Assert.Equal(["p1", "p2", "p3"], root.Descendants(Xlf + "group").Select(g => (string)g.Attribute("id")!));
        var segments = root.Descendants(Xlf + "unit").Select(u => u.Element(Xlf + "segment")!).ToList();
        Assert.Equal(
            [
                ("translated", "The Armistice Agreement was signed in 1953."),
                ("initial", "The talks resumed in May 1952."), // the adapted target, not the stored one
                ("initial", "POW repatriation was the issue."), // the fragment's part of the target
                ("initial", null),
                ("translated", "The Armistice Agreement was signed in 1953."), // a repetition of an exact match
            ],
            segments.Select(s => ((string)s.Attribute("state")!, (string?)s.Element(Xlf + "target"))));
        var fuzzy = root.Descendants(Mtc + "match").ElementAt(1);
        Assert.Equal(("88.5", "seeds", "am", "The talks resumed in May 1951."), ((string?)fuzzy.Attribute("similarity"), (string?)fuzzy.Attribute("origin"), (string?)fuzzy.Attribute("type"), (string?)fuzzy.Element(Xlf + "target")));
        Assert.Contains("<mda:meta type=\"band\">fuzzy_85_94</mda:meta>", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("<mda:meta type=\"repetition-of\">u1</mda:meta>", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pretranslate_writes_xliff_1_2_on_request_with_target_states_by_band()
    {
        XNamespace x12 = "urn:oasis:names:tc:xliff:document:1.2";
        var document = _directory.Write("doc.txt", "문장.\n");
        var output = Path.Combine(_directory.Path, "doc.xlf");

        var run = await _server.RunAsync("pretranslate", document, "-o", output, "--xliff-version", "1.2");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"Wrote {output}: 5 units in XLIFF 1.2.", run.Error, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(output);
        Xliff12Checker.AssertValid(bytes);
        var file = XDocument.Load(new MemoryStream(bytes)).Root!.Element(x12 + "file")!;
        Assert.Equal(("doc.txt", "ko", "en"), ((string?)file.Attribute("original"), (string?)file.Attribute("source-language"), (string?)file.Attribute("target-language")));
        Assert.Equal(
            [
                ("translated", "The Armistice Agreement was signed in 1953."),
                ("needs-review-translation", "The talks resumed in May 1952."),
                ("needs-review-translation", "POW repatriation was the issue."),
                (null, null), // no match: no target, so no state either
                ("translated", "The Armistice Agreement was signed in 1953."),
            ],
            file.Descendants(x12 + "trans-unit").Select(u => u.Element(x12 + "target")).Select(t => ((string?)t?.Attribute("state"), (string?)t)));
        var alt = file.Descendants(x12 + "alt-trans").ElementAt(1);
        Assert.Equal(("88.5", "seeds"), ((string?)alt.Attribute("match-quality"), (string?)alt.Attribute("origin")));
        Assert.Contains("band: fuzzy_85_94", file.Descendants(x12 + "note").Select(n => n.Value));
    }

    [Fact]
    public async Task Pretranslate_refuses_an_xliff_version_it_cannot_write()
    {
        var document = _directory.Write("doc.txt", "문장.\n");

        var run = await _server.RunAsync("pretranslate", document, "-o", Path.Combine(_directory.Path, "doc.xlf"), "--xliff-version", "1.1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(_server.Service.Requests);
    }

    [Fact]
    public async Task Pretranslate_without_an_output_file_is_a_usage_error()
    {
        var document = _directory.Write("doc.txt", "문장.\n");

        var run = await _server.RunAsync("pretranslate", document);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(_server.Service.Requests);
    }

    [Fact]
    public async Task A_missing_document_is_an_input_error_and_nothing_is_called()
    {
        var run = await _server.RunAsync("analyze", Path.Combine(_directory.Path, "missing.txt"));

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Empty(_server.Service.Requests);
    }

    private static PretranslateResponse Measured(int index, string source, AnalysisBand band, int words, int characters, int repetitionOf = -1) =>
        new()
        {
            Sentence = new PretranslatedSentence { Index = index, Paragraph = index, Source = source, Band = band, RepetitionOf = repetitionOf, Words = words, Characters = characters },
        };

    private static PretranslateResponse Report(string name, params (AnalysisBand Band, int Segments, long Words, long Characters)[] bands)
    {
        var report = new AnalysisReport
        {
            Name = name, SourceLang = "ko", TotalSegments = bands.Sum(b => b.Segments), TotalWords = bands.Sum(b => b.Words), TotalCharacters = bands.Sum(b => b.Characters),
        };
        report.Bands.AddRange(bands.Select(b => new BandCount { Band = b.Band, Segments = b.Segments, Words = b.Words, Characters = b.Characters }));
        return new PretranslateResponse { Report = report };
    }

    private static PretranslateResponse Sentence(int index, int paragraph, string source, AnalysisBand band, Match? match, int repetitionOf = -1) =>
        new()
        {
            Sentence = new PretranslatedSentence
            {
                Index = index, Paragraph = paragraph, Source = source, Band = band, Match = match, RepetitionOf = repetitionOf, Words = 3, Characters = 10,
            },
        };
}
