using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary><c>tm terms …</c> and the terms in <c>tm match</c> and <c>tm analyze</c>, against <see cref="FakeServer"/>.</summary>
public sealed class TermsCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private static TermEntry Stalin() => new() { Id = 0, Ko = "스탈린", En = "Stalin", ForbiddenEn = { "Staline" } };

    [Fact]
    public async Task Terms_add_sends_every_list_and_prints_the_entry()
    {
        var run = await _server.RunAsync("terms", "add", "--ko", "김일성", "--en", "Kim Il-sung", "--en-variant", "Kim Il Sung", "--en-variant", "Kim Ilsung",
            "--forbidden-en", "Kim Il-song", "--pos", "properNoun", "--note", "North Korean leader");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = Assert.IsType<AddTermRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal(["Kim Il Sung", "Kim Ilsung"], request.Entry.EnVariants);
        Assert.Equal(["Kim Il-song"], request.Entry.ForbiddenEn);
        Assert.Equal("properNoun", request.Entry.PartOfSpeech);
        Assert.Contains("Term 1 (version 1): 김일성 = Kim Il-sung", run.Out);
        Assert.Contains("forbidden: Kim Il-song", run.Out);
    }

    [Fact]
    public async Task Terms_add_without_a_term_is_a_usage_error_and_sends_nothing()
    {
        var run = await _server.RunAsync("terms", "add", "--note", "orphan");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Give the term", run.Error);
        Assert.Empty(_server.Service.Requests);
    }

    [Fact]
    public async Task Terms_update_keeps_what_is_not_given_and_sends_the_version_it_read()
    {
        await _server.RunAsync("terms", "add", "--ko", "스탈린", "--en", "Stalin", "--forbidden-en", "Staline", "--note", "Soviet leader");

        var run = await _server.RunAsync("terms", "update", "1", "--en-variant", "J. V. Stalin");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = _server.Service.Requests.OfType<UpdateTermRequest>().Single();
        Assert.Equal(1, request.Version);
        Assert.Equal(["Staline"], request.Entry.ForbiddenEn);
        Assert.Equal(["J. V. Stalin"], request.Entry.EnVariants);
        Assert.Equal("Soviet leader", request.Entry.Note);
        Assert.Contains("(version 2)", run.Out);
    }

    [Fact]
    public async Task Terms_delete_of_an_old_version_fails_with_the_server_s_message()
    {
        await _server.RunAsync("terms", "add", "--ko", "스탈린", "--en", "Stalin");
        await _server.RunAsync("terms", "update", "1", "--note", "changed");

        var stale = await _server.RunAsync("terms", "delete", "1", "--version", "1");
        var current = await _server.RunAsync("terms", "delete", "1");

        Assert.Equal(ExitCodes.ServerError, stale.ExitCode);
        Assert.Contains("has changed since version 1", stale.Error);
        Assert.True(current.ExitCode == ExitCodes.Success, current.ToString());
        Assert.Empty(_server.Service.Terms);
    }

    [Fact]
    public async Task Terms_list_shows_each_entry_with_its_details_and_json_has_them_whole()
    {
        _server.Service.Terms[1] = new TermEntry { Id = 1, Ko = "스탈린", En = "Stalin", ForbiddenEn = { "Staline" }, Version = 3 };

        var table = await _server.RunAsync("terms", "list");
        var json = await _server.RunAsync("terms", "list", "--json");

        Assert.Contains("스탈린", table.Out);
        Assert.Contains("forbidden: Staline", table.Out);
        Assert.Contains("1 entry in all.", table.Out);
        using var document = JsonDocument.Parse(json.Out);
        var entry = document.RootElement.GetProperty("terms")[0];
        Assert.Equal("Staline", entry.GetProperty("forbiddenEn")[0].GetString());
        Assert.Equal(3, entry.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Terms_import_streams_the_file_and_prints_what_the_server_did()
    {
        var path = _directory.Write("terms.csv", "korean,english\n김일성,Kim Il-sung\n");
        _server.Service.ImportTermsResponse = new ImportTermsResponse { EntriesRead = 1, EntriesAdded = 1 };

        var run = await _server.RunAsync("terms", "import", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(path), _server.Service.ImportedTermBytes);
        var first = Assert.IsType<ImportTermsRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal("terms.csv", first.FileName);
        Assert.Contains("1 entry read: 1 added, 0 merged", run.Out);
    }

    [Fact]
    public async Task Terms_import_of_a_missing_file_is_an_input_error()
    {
        var run = await _server.RunAsync("terms", "import", Path.Combine(_directory.Path, "missing.tbx"));

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("cannot be read", run.Error);
    }

    [Fact]
    public async Task Terms_export_writes_the_chunks_to_the_file()
    {
        _server.Service.ExportedTerms = "<tbx>정전협정</tbx>"u8.ToArray();
        var path = Path.Combine(_directory.Path, "out.tbx");

        var run = await _server.RunAsync("terms", "export", "-o", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("<tbx>정전협정</tbx>", await File.ReadAllTextAsync(path));
        Assert.False(File.Exists(path + ".part"));
    }

    [Fact]
    public async Task Terms_suggest_numbers_the_candidates_with_frequency_score_and_an_example()
    {
        _server.Service.SuggestTermsResponse = Suggestions();

        var run = await _server.RunAsync("terms", "suggest");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches(@"1\s+김일성\s+Kim Il-sung", run.Out);
        Assert.Contains("12.5", run.Out);
        Assert.Contains("김일성은 1950년 남침을 결정하였다.", run.Out);
        Assert.Contains("(in termbase)", run.Out);
        Assert.Contains("From 120 pairs", run.Out);
    }

    [Fact]
    public async Task Terms_accept_adds_the_numbered_suggestions_with_the_source_extracted()
    {
        _server.Service.SuggestTermsResponse = Suggestions();

        var run = await _server.RunAsync("terms", "accept", "1", "3");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(["김일성=Kim Il-sung:extracted", "포로 송환=repatriation of prisoners:extracted"],
            _server.Service.Terms.Values.OrderBy(t => t.Id).Select(t => $"{t.Ko}={t.En}:{t.Source}"));
        Assert.Contains("2 terms added", run.Out);
    }

    [Fact]
    public async Task Terms_accept_all_leaves_out_what_the_termbase_holds_and_a_number_past_the_list_is_refused()
    {
        _server.Service.SuggestTermsResponse = Suggestions();

        var all = await _server.RunAsync("terms", "accept", "--all");
        var past = await _server.RunAsync("terms", "accept", "9");

        Assert.Equal(2, _server.Service.Terms.Count);
        Assert.DoesNotContain(_server.Service.Terms.Values, t => t.Ko == "정전협정");
        Assert.Equal(ExitCodes.Usage, past.ExitCode);
        Assert.Contains("There is no suggestion 9", past.Error);
        Assert.True(all.ExitCode == ExitCodes.Success, all.ToString());
    }

    [Fact]
    public async Task Match_prints_the_query_s_terms_and_flags_a_forbidden_variant_in_a_match()
    {
        const string query = "김일성은 스탈린에게 전보를 보냈다.";
        _server.Service.LookupResponse = new LookupResponse
        {
            SourceLang = "ko",
            QueryTerms =
            {
                new TermHit { Start = 0, Length = 3, Lang = "ko", EntryId = 1, Form = "김일성", Translation = "Kim Il-sung", Entry = new TermEntry { Ko = "김일성", En = "Kim Il-sung" } },
                new TermHit { Start = 5, Length = 3, Lang = "ko", EntryId = 2, Form = "스탈린", Translation = "Stalin", Entry = Stalin() },
            },
            Matches =
            {
                new Match
                {
                    Source = "김일성은 스탈린에게 편지를 보냈다.", Target = "Kim Il-sung sent a letter to Staline.", Score = 90, SegmentId = "4",
                    ForbiddenTerms = { new TermHit { Start = 29, Length = 7, Lang = "en", EntryId = 2, Form = "Staline", Translation = "스탈린", Forbidden = true, Entry = Stalin() } },
                },
            },
        };

        var run = await _server.RunAsync("match", query);
        var json = await _server.RunAsync("match", query, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Terms: 김일성 → Kim Il-sung; 스탈린 → Stalin", run.Out);
        Assert.Contains("Forbidden: Staline (use Stalin)", run.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("Kim Il-sung", document.RootElement.GetProperty("queryTerms")[0].GetProperty("translation").GetString());
        Assert.True(document.RootElement.GetProperty("matches")[0].GetProperty("forbiddenTerms")[0].GetProperty("forbidden").GetBoolean());
    }

    [Fact]
    public async Task Analyze_lists_the_terms_the_document_uses_and_the_forbidden_variants_of_its_matches()
    {
        var path = _directory.Write("doc.txt", "김일성은 결정하였다.\n");
        _server.Service.PretranslateResponses.Add(new PretranslateResponse
        {
            Sentence = new PretranslatedSentence
            {
                Index = 0, Source = "김일성은 결정하였다.", Band = AnalysisBand.Fuzzy8594, RepetitionOf = -1,
                Terms = { new TermHit { Start = 0, Length = 3, Lang = "ko", EntryId = 1, Form = "김일성", Translation = "Kim Il-sung" } },
                Match = new Match
                {
                    Source = "김일성은 결정했다.", Target = "Staline decided.", Score = 88,
                    ForbiddenTerms = { new TermHit { Start = 0, Length = 7, Lang = "en", EntryId = 2, Form = "Staline", Forbidden = true, Entry = Stalin() } },
                },
            },
        });
        _server.Service.PretranslateResponses.Add(new PretranslateResponse { Report = new AnalysisReport { Name = "doc.txt", SourceLang = "ko", TotalSegments = 1 } });

        var run = await _server.RunAsync("analyze", path);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Terms: 김일성 → Kim Il-sung (1)", run.Out);
        Assert.Contains("sentence 1, in the match's translation: Staline (use Stalin)", run.Out);
    }

    private static SuggestTermsResponse Suggestions() => new()
    {
        PairsRead = 120,
        Suggestions =
        {
            new TermSuggestion
            {
                Ko = "김일성", En = "Kim Il-sung", Frequency = 6, Score = 12.5,
                Examples = { new TermExample { SegmentId = "3", Ko = "김일성은 1950년 남침을 결정하였다.", En = "Kim Il-sung decided to invade in 1950." } },
            },
            new TermSuggestion { Ko = "정전협정", En = "Armistice Agreement", Frequency = 5, Score = 10, InTermbase = true },
            new TermSuggestion { Ko = "포로 송환", En = "repatriation of prisoners", Frequency = 3, Score = 7.25 },
        },
    };
}
