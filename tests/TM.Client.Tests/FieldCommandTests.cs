using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary>The field options of the commands (TM attributes): what they send and print, against <see cref="FakeServer"/>.</summary>
public sealed class FieldCommandTests : IAsyncLifetime
{
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Memories_create_sends_the_fields_written_name_colon_type()
    {
        var run = await _server.RunAsync("memories", "create", "armistice",
            "--field", "journal:text", "--field", "domain:picklist=war, armistice,diplomacy", "--field", "published:Date", "--field", "pages:number");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = Assert.IsType<CreateMemoryRequest>(Assert.Single(_server.Service.Requests));
        Assert.Equal(
            ["journal:Text:", "domain:Picklist:war|armistice|diplomacy", "published:Date:", "pages:Number:"],
            request.Settings.Fields.Select(f => $"{f.Name}:{f.Type}:{string.Join('|', f.Choices)}"));
    }

    [Theory]
    [InlineData("domain", "has no type after the name")]
    [InlineData("domain:enum=a,b", "has no type 'enum'")]
    [InlineData("domain:picklist", "needs its choices: domain:picklist=one,two")]
    [InlineData("pages:number=1,2", "only a picklist has")]
    [InlineData(":text", "names no field")]
    public async Task A_field_definition_that_does_not_parse_is_a_usage_error_saying_why(string definition, string expected)
    {
        var run = await _server.RunAsync("memories", "create", "armistice", "--field", definition);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--field takes name:text, name:date, name:number or name:picklist=", run.Error);
        Assert.Contains(expected, run.Error);
        Assert.Empty(_server.Service.Requests);
    }

    [Fact]
    public async Task Memories_list_shows_each_memory_s_fields_briefly_and_json_shows_them_whole()
    {
        var choices = Enumerable.Range(1, 10).Select(i => $"c{i}").ToArray();
        _server.Service.ListMemoriesResponse = new ListMemoriesResponse
        {
            Memories =
            {
                new MemoryDescription { Name = "default", Settings = new MemorySettings() },
                new MemoryDescription
                {
                    Name = "armistice",
                    Settings = new MemorySettings
                    {
                        Fields =
                        {
                            new FieldDefinition { Name = "journal", Type = FieldType.Text },
                            new FieldDefinition { Name = "volume", Type = FieldType.Picklist, Choices = { choices } },
                        },
                    },
                },
            },
        };

        var run = await _server.RunAsync("memories", "list");
        var json = await _server.RunAsync("memories", "list", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("journal:text", run.Out);
        Assert.Contains("volume:picklist=c1,c2,c3,c4,c5,… (10 choices)", run.Out);
        using var document = JsonDocument.Parse(json.Out);
        var volume = document.RootElement[1].GetProperty("fields")[1];
        Assert.Equal("picklist", volume.GetProperty("type").GetString());
        Assert.Equal(10, volume.GetProperty("choices").GetArrayLength());
        Assert.Equal(0, document.RootElement[0].GetProperty("fields").GetArrayLength());
    }

    [Fact]
    public async Task Memories_update_changes_what_was_given_and_sends_the_rest_back_as_it_was()
    {
        var penalties = new MatchPenalties { MultipleTranslations = 2, LowConfidence = 3 };
        _server.Service.ListMemoriesResponse = new ListMemoriesResponse
        {
            Memories =
            {
                new MemoryDescription
                {
                    Name = "armistice",
                    Settings = new MemorySettings
                    {
                        Description = "Korean War abstracts",
                        MinScore = 70,
                        Penalties = penalties,
                        Fields =
                        {
                            new FieldDefinition { Name = "journal", Type = FieldType.Text },
                            new FieldDefinition { Name = "domain", Type = FieldType.Picklist, Choices = { "war" } },
                            new FieldDefinition { Name = "pages", Type = FieldType.Number },
                        },
                    },
                },
            },
        };

        var run = await _server.RunAsync("memories", "update", "armistice",
            "--field", "reviewed:picklist=yes,no", "--field", "Domain:picklist=war,armistice", "--remove-field", "JOURNAL");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var settings = _server.Service.Requests.OfType<UpdateMemoryRequest>().Single().Settings;
        Assert.Equal(("Korean War abstracts", 70.0, penalties), (settings.Description, settings.MinScore, settings.Penalties));
        Assert.Equal(["Domain:war|armistice", "pages:", "reviewed:yes|no"], settings.Fields.Select(f => $"{f.Name}:{string.Join('|', f.Choices)}"));
        Assert.Contains("Memory 'armistice' is updated: fields Domain:picklist=war,armistice, pages:number, reviewed:picklist=yes,no.", run.Out);
    }

    [Fact]
    public async Task Memories_update_sets_the_penalties_given_and_keeps_the_others_at_the_server_defaults()
    {
        _server.Service.ListMemoriesResponse = new ListMemoriesResponse { Memories = { new MemoryDescription { Name = "armistice", Settings = new MemorySettings { MinScore = 70 } } } };

        var run = await _server.RunAsync("memories", "update", "armistice", "--penalty", "aligned=2", "--penalty", "low-confidence=0.5");
        var bad = await _server.RunAsync("memories", "update", "armistice", "--penalty", "duplicates=3");
        var outOfRange = await _server.RunAsync("memories", "update", "armistice", "--penalty", "aligned=101");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var settings = _server.Service.Requests.OfType<UpdateMemoryRequest>().Single().Settings;
        Assert.Equal((1.0, 2.0, 0.5, 70.0), (settings.Penalties.MultipleTranslations, settings.Penalties.Aligned, settings.Penalties.LowConfidence, settings.MinScore));
        Assert.Contains("penalties: multiple translations 1, aligned 2, low confidence 0.5.", run.Out);
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--penalty names one of multiple_translations, aligned, low_confidence", bad.Error);
        Assert.Equal(ExitCodes.Usage, outOfRange.ExitCode);
        Assert.Contains("takes points from 0 to 100", outOfRange.Error);
    }

    [Fact]
    public async Task Memories_update_of_a_field_the_memory_does_not_have_sends_nothing()
    {
        _server.Service.ListMemoriesResponse = new ListMemoriesResponse { Memories = { new MemoryDescription { Name = "armistice", Settings = new MemorySettings() } } };

        var removed = await _server.RunAsync("memories", "update", "armistice", "--remove-field", "journal");
        var missing = await _server.RunAsync("memories", "update", "nowhere", "--description", "x");
        var nothing = await _server.RunAsync("memories", "update", "armistice");

        Assert.Equal(ExitCodes.Usage, removed.ExitCode);
        Assert.Contains("Memory 'armistice' has no field 'journal' to remove; it has none.", removed.Error);
        Assert.Equal(ExitCodes.ServerError, missing.ExitCode);
        Assert.Contains("There is no memory 'nowhere'", missing.Error);
        Assert.Equal(ExitCodes.Usage, nothing.ExitCode);
        Assert.Contains("Give what to change", nothing.Error);
        Assert.Empty(_server.Service.Requests.OfType<UpdateMemoryRequest>());
    }

    [Fact]
    public async Task Match_sends_field_filters_and_preferences_on_top_of_the_default_penalties()
    {
        _server.Service.ListMemoriesResponse = new ListMemoriesResponse { Memories = { new MemoryDescription { Name = "default", Settings = new MemorySettings() } } };

        var run = await _server.RunAsync("match", "미국은 휴전을 원하였다.", "--field", "domain=war", "--field", "domain=armistice",
            "--prefer", "journal=군사사연구", "--prefer", "reviewed=yes:10", "--prefer", "published=2024-03-01T09:30:00Z");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = _server.Service.Requests.OfType<LookupRequest>().Single();
        Assert.Equal(["domain=war", "domain=armistice"], request.Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.Equal((1.0, 0.0, 1.0), (request.Penalties.MultipleTranslations, request.Penalties.Aligned, request.Penalties.LowConfidence));
        Assert.Equal(["journal=군사사연구:5", "reviewed=yes:10", "published=2024-03-01T09:30:00Z:5"], request.Penalties.Fields.Select(p => $"{p.Field}={p.Value}:{p.Points}"));
    }

    [Fact]
    public async Task Match_prefer_keeps_the_memory_s_own_penalties_and_replaces_its_preference_for_the_same_field()
    {
        var own = new MatchPenalties
        {
            MultipleTranslations = 2, Aligned = 3, LowConfidence = 4,
            Fields = { new FieldPenalty { Field = "journal", Value = "한국사연구", Points = 7 }, new FieldPenalty { Field = "reviewed", Value = "yes", Points = 2 } },
        };
        _server.Service.ListMemoriesResponse = new ListMemoriesResponse { Memories = { new MemoryDescription { Name = "armistice", Settings = new MemorySettings { Penalties = own } } } };

        var run = await _server.RunAsync("match", "미국은 휴전을 원하였다.", "--memory", "armistice", "--prefer", "Journal=군사사연구");
        var plain = await _server.RunAsync("match", "미국은 휴전을 원하였다.", "--memory", "armistice");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var requests = _server.Service.Requests.OfType<LookupRequest>().ToList();
        Assert.Equal((2.0, 3.0, 4.0), (requests[0].Penalties.MultipleTranslations, requests[0].Penalties.Aligned, requests[0].Penalties.LowConfidence));
        Assert.Equal(["reviewed=yes:2", "Journal=군사사연구:5"], requests[0].Penalties.Fields.Select(p => $"{p.Field}={p.Value}:{p.Points}"));
        Assert.True(plain.ExitCode == ExitCodes.Success, plain.ToString());
        Assert.Null(requests[1].Penalties); // without --prefer the memory's penalties apply on the server, unread
        Assert.Single(_server.Service.Requests.OfType<ListMemoriesRequest>());
    }

    [Theory]
    [InlineData("--prefer", "journal", "takes a field's name and a value")]
    [InlineData("--prefer", "reviewed=yes:0", "the points above 0 and at most 100")]
    [InlineData("--prefer", "time=09:300", "time=09:300:5")]
    [InlineData("--field", "domain", "--field takes a field's name and a value, name=value")]
    [InlineData("--field", "domain=", "needs a value after 'domain='")]
    public async Task A_field_value_or_preference_that_does_not_parse_is_a_usage_error(string option, string value, string expected)
    {
        var run = await _server.RunAsync("match", "휴전", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Empty(_server.Service.Requests);
    }

    [Fact]
    public async Task Match_prints_each_match_s_fields_under_its_translation_and_in_json()
    {
        _server.Service.LookupResponse = new LookupResponse
        {
            SourceLang = "ko",
            Matches =
            {
                new Match
                {
                    Source = "미국은 휴전을 원하였다.", Target = "The US wanted an armistice.", Score = 95,
                    Fields = { new FieldValue { Name = "journal", Value = "군사사연구" }, new FieldValue { Name = "domain", Value = "war" } },
                    Penalties = { new AppliedPenalty { Reason = "field:reviewed", Points = 5 } },
                },
            },
        };

        var run = await _server.RunAsync("match", "미국은 휴전을 원하였다.");
        var json = await _server.RunAsync("match", "미국은 휴전을 원하였다.", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("journal=군사사연구 · domain=war", run.Out);
        Assert.Contains("−5 field:reviewed", run.Out);
        using var document = JsonDocument.Parse(json.Out);
        var fields = document.RootElement.GetProperty("matches")[0].GetProperty("fields");
        Assert.Equal(("journal", "군사사연구"), (fields[0].GetProperty("name").GetString(), fields[0].GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Match_file_sends_the_filters_and_preferences_with_every_batch()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("sentences.txt", "휴전\n정전\n");

        var run = await _server.RunAsync("match", "--file", file, "--field", "domain=war", "--prefer", "reviewed=yes");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = _server.Service.Requests.OfType<LookupBatchRequest>().Single();
        Assert.Equal("domain=war", $"{request.Fields.Single().Name}={request.Fields.Single().Value}");
        Assert.Equal("reviewed", request.Penalties.Fields.Single().Field);
    }

    [Fact]
    public async Task Concordance_sends_field_filters_and_shows_each_hit_s_fields()
    {
        _server.Service.ConcordanceResponse = new ConcordanceResponse
        {
            Total = 1,
            Hits = { new ConcordanceHit { Ko = "휴전 회담", En = "armistice talks", Fields = { new FieldValue { Name = "domain", Value = "armistice" } } } },
        };

        var run = await _server.RunAsync("concordance", "휴전", "--field", "domain=armistice", "--field", "journal=군사사연구");
        var json = await _server.RunAsync("concordance", "휴전", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = _server.Service.Requests.OfType<ConcordanceRequest>().First();
        Assert.Equal(["domain=armistice", "journal=군사사연구"], request.Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.Contains("domain=armistice", run.Out);
        Assert.Contains("\"value\": \"armistice\"", json.Out);
    }

    [Fact]
    public async Task Segment_list_sends_field_filters_and_adds_a_fields_column_when_a_pair_has_some()
    {
        _server.Service.ListSegmentsResponse = new ListSegmentsResponse
        {
            Total = 2,
            Segments =
            {
                new Segment { SegmentId = "1", Ko = "휴전", En = "truce", Fields = { new FieldValue { Name = "domain", Value = "war" } } },
                new Segment { SegmentId = "2", Ko = "정전", En = "armistice" },
            },
        };

        var run = await _server.RunAsync("segment", "list", "--field", "domain=war");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal("domain=war", _server.Service.Requests.OfType<ListSegmentsRequest>().Single().Fields.Select(f => $"{f.Name}={f.Value}").Single());
        Assert.Contains("Fields", run.Out);
        Assert.Contains("domain=war", run.Out);
    }

    [Fact]
    public async Task Segment_add_sends_the_pair_with_its_fields_and_prints_it()
    {
        var run = await _server.RunAsync("segment", "add", "--ko", "회담은 10월에 재개되었다.", "--en", "The talks resumed in October.",
            "--origin", "abstracts.txt", "--note", "typed in", "--field", "domain=armistice", "--field", "published=2024-03-01", "--memory", "armistice");
        var missing = await _server.RunAsync("segment", "add", "--ko", "회담");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var request = _server.Service.Requests.OfType<AddSegmentRequest>().Single();
        Assert.Equal(("armistice", "abstracts.txt", "typed in"), (request.Memory, request.Origin, request.Note));
        Assert.Equal(["domain=armistice", "published=2024-03-01"], request.Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.Contains("fields: domain=armistice · published=2024-03-01", run.Out);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("--en", missing.Error);
    }

    [Fact]
    public async Task Segment_edit_with_a_field_replaces_that_field_s_values_and_keeps_the_others()
    {
        Store(("journal", "군사사연구"), ("domain", "war"), ("domain", "armistice"), ("reviewed", "no"));

        var run = await _server.RunAsync("segment", "edit", "42", "--field", "Domain=diplomacy", "--field", "reviewed=", "--field", "pages=12");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var update = _server.Service.Requests.OfType<UpdateSegmentRequest>().Single();
        Assert.True(update.ReplaceFields);
        Assert.Equal(("", "", 7L), (update.Ko, update.En, update.Version));
        Assert.Equal(["journal=군사사연구", "Domain=diplomacy", "pages=12"], update.Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.Contains("fields: journal=군사사연구 · Domain=diplomacy · pages=12", run.Out);
    }

    [Fact]
    public async Task Segment_edit_with_clear_fields_sends_exactly_the_fields_given()
    {
        Store(("journal", "군사사연구"), ("domain", "war"));

        var cleared = await _server.RunAsync("segment", "edit", "42", "--clear-fields", "--field", "domain=armistice", "--version", "7");
        var textOnly = await _server.RunAsync("segment", "edit", "42", "--en", "Kim tried to persuade Stalin.");

        Assert.True(cleared.ExitCode == ExitCodes.Success, cleared.ToString());
        var updates = _server.Service.Requests.OfType<UpdateSegmentRequest>().ToList();
        Assert.Equal(["domain=armistice"], updates[0].Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.True(updates[0].ReplaceFields);
        Assert.True(textOnly.ExitCode == ExitCodes.Success, textOnly.ToString());
        Assert.False(updates[1].ReplaceFields);
        Assert.Empty(updates[1].Fields);
    }

    [Fact]
    public async Task Segment_show_prints_the_fields_of_the_pair_and_of_each_old_version()
    {
        Store(("domain", "war"));
        _server.Service.Segments["42"].History.Add(new SegmentHistoryEntry
        {
            Version = 6, Ko = "김일성은 스탈린 설득에 나섰다.", En = "Kim tried to persuade Staline.", Fields = { new FieldValue { Name = "domain", Value = "armistice" } },
        });

        var run = await _server.RunAsync("segment", "show", "42", "--history");
        var json = await _server.RunAsync("segment", "show", "42", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("  fields: domain=war", run.Out);
        Assert.Contains("    fields: domain=armistice", run.Out);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("war", document.RootElement.GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal("armistice", document.RootElement.GetProperty("history")[0].GetProperty("fields")[0].GetProperty("value").GetString());
    }

    private void Store(params (string Name, string Value)[] fields) =>
        _server.Service.Segments["42"] = new Segment
        {
            SegmentId = "42", Ko = "김일성은 스탈린 설득에 나섰다.", En = "Kim tried to persuade Staline.", Version = 7,
            Fields = { fields.Select(f => new FieldValue { Name = f.Name, Value = f.Value }) },
        };
}
