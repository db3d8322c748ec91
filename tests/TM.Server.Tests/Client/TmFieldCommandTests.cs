using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TM.Client;
using TM.Protos.V1;

namespace TM.Server.Tests.Client;

/// <summary>
/// Fields (TM attributes) and <c>tm edit</c> through the <c>tm</c> client against the real server, started empty:
/// memories defined with fields, pairs added, filtered, preferred and corrected with them.
/// </summary>
public sealed partial class TmFieldCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-cli-fields-").FullName;
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(Path.Combine(_directory, "data"), "--no-seeds");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<(int ExitCode, string Out, string Err)> Tm(params string[] args) => TmCli.RunAsync(_server.Address, args);

    [Fact]
    public async Task Memories_create_with_fields_lists_them_and_update_adds_one_keeping_the_rest()
    {
        var (createExit, created, createError) = await CreateAsync("cli-fields");
        var (_, listed, _) = await Tm("memories", "list");
        var (updateExit, updated, updateError) = await Tm("memories", "update", "cli-fields", "--field", "reviewed:picklist=yes,no", "--remove-field", "pages");
        var (_, json, _) = await Tm("memories", "list", "--json");

        Assert.True(createExit == ExitCodes.Success, created + createError);
        Assert.Contains("journal:text", listed);
        Assert.Contains("domain:picklist=war,armistice,diplomacy", listed);
        Assert.Contains("published:date", listed);
        Assert.True(updateExit == ExitCodes.Success, updated + updateError);
        Assert.Contains("is updated", updated);
        var memory = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "cli-fields");
        Assert.Equal(
            ["journal:text", "domain:picklist", "published:date", "reviewed:picklist"],
            memory.GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}:{f.GetProperty("type").GetString()}"));
        Assert.Equal("Korean War abstracts", memory.GetProperty("description").GetString());
        Assert.Equal(70, memory.GetProperty("minScore").GetDouble());
    }

    [Fact]
    public async Task A_field_definition_that_does_not_parse_creates_no_memory()
    {
        var (exitCode, _, error) = await Tm("memories", "create", "cli-broken", "--field", "domain:picklist");
        var (_, listed, _) = await Tm("memories", "list");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("needs its choices", error);
        Assert.DoesNotContain("cli-broken", listed);
    }

    [Fact]
    public async Task Segment_add_with_fields_is_found_by_a_filtered_match_concordance_and_listing()
    {
        await CreateAsync("cli-filtered");
        var (addExit, added, addError) = await Tm("segment", "add", "--memory", "cli-filtered", "--ko", "휴전 회담이 개성에서 시작되었다.", "--en", "The armistice talks began at Kaesong.",
            "--field", "domain=armistice", "--field", "published=2024-03-01", "--origin", "abstracts.txt");
        await Tm("segment", "add", "--memory", "cli-filtered", "--ko", "휴전 회담이 개성에서 시작되었다고 한다.", "--en", "The armistice talks are said to have begun at Kaesong.",
            "--field", "domain=war");

        var (matchExit, matched, _) = await Tm("match", "휴전 회담이 개성에서 시작되었다.", "--memory", "cli-filtered", "--field", "domain=war", "--json");
        var (_, shown, _) = await Tm("match", "휴전 회담이 개성에서 시작되었다.", "--memory", "cli-filtered", "--field", "domain=armistice");
        var (_, either, _) = await Tm("match", "휴전 회담이 개성에서 시작되었다.", "--memory", "cli-filtered", "--field", "domain=war", "--field", "domain=armistice", "--json");
        var (_, concordance, _) = await Tm("concordance", "휴전", "--memory", "cli-filtered", "--field", "domain=armistice");
        var (_, listed, _) = await Tm("segment", "list", "--memory", "cli-filtered", "--field", "domain=war");

        Assert.True(addExit == ExitCodes.Success, added + addError);
        Assert.Contains("fields: domain=armistice · published=2024-03-01T00:00:00Z", added);
        Assert.Equal(ExitCodes.Success, matchExit);
        var match = Assert.Single(JsonDocument.Parse(matched).RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal("The armistice talks are said to have begun at Kaesong.", match.GetProperty("target").GetString());
        Assert.Equal("war", match.GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Contains("published=2024-03-01T00:00:00Z", shown);
        Assert.Equal(2, JsonDocument.Parse(either).RootElement.GetProperty("matches").GetArrayLength());
        Assert.Contains("began", concordance);
        Assert.DoesNotContain("begun", concordance);
        Assert.Contains("1 segment containing", Flat(concordance));
        Assert.Contains("begun", listed);
        Assert.Contains("1 pairs in all", listed);
    }

    [Fact]
    public async Task Match_prefer_ranks_the_preferred_journal_first_and_keeps_the_default_penalties()
    {
        await CreateAsync("cli-preferred");
        await Tm("segment", "add", "--memory", "cli-preferred", "--ko", "미국은 휴전을 원하였다.", "--en", "The United States wanted a ceasefire.", "--field", "journal=한국사연구");
        await Tm("segment", "add", "--memory", "cli-preferred", "--ko", "미국은 휴전을 원하였다.", "--en", "The US wanted an armistice.", "--field", "journal=군사사연구");

        var (exitCode, output, error) = await Tm("match", "미국은 휴전을 원하였다.", "--memory", "cli-preferred", "--prefer", "journal=군사사연구", "--json");
        var (_, plain, _) = await Tm("match", "미국은 휴전을 원하였다.", "--memory", "cli-preferred", "--prefer", "journal=군사사연구:10");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        var matches = JsonDocument.Parse(output).RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(["The US wanted an armistice.", "The United States wanted a ceasefire."], matches.Select(m => m.GetProperty("target").GetString()));
        // 100 less 1 for the other translation (the default kept) and, for the other journal, 5 more.
        Assert.Equal([99.0, 94.0], matches.Select(m => m.GetProperty("score").GetDouble()));
        Assert.Contains("−10 field:journal", Flat(plain));
        Assert.Contains("89%", plain);
    }

    [Fact]
    public async Task Segment_edit_sets_one_field_keeps_the_others_and_the_history_shows_the_old_ones()
    {
        await CreateAsync("cli-review-fields");
        var id = await AddAsync("cli-review-fields", "--field", "journal=군사사연구", "--field", "reviewed=no");

        var (editExit, edited, editError) = await Tm("segment", "edit", id, "--memory", "cli-review-fields", "--field", "reviewed=yes", "--field", "domain=war");
        var (_, history, _) = await Tm("segment", "show", id, "--memory", "cli-review-fields", "--history");
        var (clearExit, cleared, _) = await Tm("segment", "edit", id, "--memory", "cli-review-fields", "--clear-fields", "--json");

        Assert.True(editExit == ExitCodes.Success, edited + editError);
        Assert.Contains("fields: journal=군사사연구 · domain=war · reviewed=yes", edited);
        Assert.Contains("  fields: journal=군사사연구 · domain=war · reviewed=yes", history);
        Assert.Contains("    fields: journal=군사사연구 · reviewed=no", history);
        Assert.Equal(ExitCodes.Success, clearExit);
        Assert.Equal(0, JsonDocument.Parse(cleared).RootElement.GetProperty("fields").GetArrayLength());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the editor is a sh script
    public async Task Edit_in_the_editor_corrects_the_pair_and_its_fields_and_the_version_goes_up()
    {
        await CreateAsync("cli-editor");
        var id = await AddAsync("cli-editor", "--field", "reviewed=no");
        var before = await GetAsync("cli-editor", id);
        var editor = Path.Combine(_directory, "fix.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nsed -i -e 's/Staline/Stalin/' -e 's/^reviewed = no$/reviewed = yes/' \"$1\"\n");
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (exitCode, output, error) = await TmCli.RunAsync(_server.Address, new Dictionary<string, string> { ["VISUAL"] = "", ["EDITOR"] = editor },
            "edit", id, "--memory", "cli-editor");

        Assert.True(exitCode == ExitCodes.Success, output + error);
        var after = await GetAsync("cli-editor", id);
        Assert.Equal("Kim tried to persuade Stalin.", after.En);
        Assert.Equal(before.Ko, after.Ko);
        Assert.Equal(["reviewed=yes"], after.Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.True(after.Version > before.Version, $"version {before.Version} → {after.Version}");
        Assert.Contains($"(version {after.Version.ToString(CultureInfo.InvariantCulture)})", output);
    }

    /// <summary>A memory with the fields of the reviewer's workflow, made with <c>tm memories create</c>.</summary>
    private Task<(int ExitCode, string Out, string Err)> CreateAsync(string name) =>
        Tm("memories", "create", name, "--description", "Korean War abstracts", "--min-score", "70",
            "--field", "journal:text", "--field", "domain:picklist=war,armistice,diplomacy", "--field", "published:date",
            "--field", "reviewed:picklist=yes,no", "--field", "pages:number");

    /// <summary>Adds the pair with the typo with <c>tm segment add</c>; returns its id.</summary>
    private async Task<string> AddAsync(string memory, params string[] fields)
    {
        var (exitCode, output, error) = await Tm(["segment", "add", "--memory", memory, "--ko", "김일성은 스탈린 설득에 나섰다.", "--en", "Kim tried to persuade Staline.", "--json", .. fields]);
        Assert.True(exitCode == ExitCodes.Success, output + error);
        return JsonDocument.Parse(output).RootElement.GetProperty("segmentId").GetString()!;
    }

    private async Task<Segment> GetAsync(string memory, string id) =>
        await _server.Client.GetSegmentAsync(new GetSegmentRequest { Memory = memory, SegmentId = id });

    /// <summary>Redirected output wraps tables at 120 columns: one line, single spaces, without the table's rules.</summary>
    private static string Flat(string output) => Spaces().Replace(output.Replace('|', ' '), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
