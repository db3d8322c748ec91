using System.Text.Json;
using System.Text.RegularExpressions;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary>
/// <c>tm edit</c> against <see cref="FakeServer"/>, with shell scripts standing in for the translator's editor.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the editors are sh scripts
public sealed partial class EditCommandTests : IAsyncLifetime
{
    private const string Id = "42";
    private readonly TempDirectory _directory = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeServer.StartAsync();
        _server.Service.Segments[Id] = new Segment
        {
            SegmentId = Id, Ko = "김일성은 스탈린 설득에 나섰다.", En = "Kim tried to persuade Staline.", Origin = "abstracts.txt", Version = 7,
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Edit_saves_the_changed_side_with_the_version_it_opened_and_the_version_goes_up()
    {
        // A path with a space, and an option before the file: EDITOR is a shell command line, as git takes it.
        var editor = Script("fix spelling.sh", $"""for file; do :; done; printf '%s' "$file" > '{_directory.Path}/opened'; sed -i 's/Staline/Stalin/' "$file" """);

        var run = await Edit($"'{editor}' --wait");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var update = Assert.Single(_server.Service.Requests.OfType<UpdateSegmentRequest>());
        Assert.Equal(("", "Kim tried to persuade Stalin.", 7L), (update.Ko, update.En, update.Version));
        Assert.Contains("Segment 42 (version 8)", run.Out);
        Assert.Contains("en: Kim tried to persuade Stalin.", run.Out);
        Assert.False(File.Exists(File.ReadAllText(Path.Combine(_directory.Path, "opened"))), "the file is deleted once saved");
    }

    [Fact]
    public async Task Edit_opens_the_pair_as_utf8_text_under_a_commented_header_readable_by_the_user_alone()
    {
        var seen = Path.Combine(_directory.Path, "seen");
        var editor = Script("look.sh", $"""cp "$1" '{seen}'; stat -c %a "$1" > '{seen}.mode'""");

        var run = await Edit(editor);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var bytes = File.ReadAllBytes(seen);
        Assert.Equal((byte)'#', bytes[0]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("# tm edit: segment 42 of the default memory, version 7\n", text);
        Assert.EndsWith("[ko]\n김일성은 스탈린 설득에 나섰다.\n\n[en]\nKim tried to persuade Staline.\n\n[fields]\n", text);
        Assert.Equal("600", File.ReadAllText(seen + ".mode").Trim());
    }

    [Fact]
    public async Task Edit_with_the_file_left_as_it_was_sends_nothing()
    {
        var run = await Edit("true");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("No change; the pair is as it was.", run.Out);
        Assert.Empty(_server.Service.Requests.OfType<UpdateSegmentRequest>());
    }

    [Fact]
    public async Task Edit_whose_editor_fails_sends_nothing_and_keeps_what_was_typed()
    {
        var editor = Script("fail.sh", """sed -i 's/Staline/Stalin/' "$1"; exit 1""");

        var run = await Edit(editor);

        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        Assert.Contains("exited with code 1; nothing was saved", run.Error);
        Assert.Empty(_server.Service.Requests.OfType<UpdateSegmentRequest>());
        Assert.Contains("Kim tried to persuade Stalin.", File.ReadAllText(KeptFile(run)));
    }

    [Fact]
    public async Task Edit_that_empties_a_side_sends_nothing_and_keeps_the_file()
    {
        var editor = Script("empty.sh", """printf '[ko]\n김일성은 스탈린을 설득했다.\n\n[en]\n\n' > "$1" """);

        var run = await Edit(editor);

        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        Assert.Contains("the [en] side is empty", run.Error);
        Assert.Empty(_server.Service.Requests.OfType<UpdateSegmentRequest>());
        Assert.Contains("김일성은 스탈린을 설득했다.", File.ReadAllText(KeptFile(run)));
    }

    [Fact]
    public async Task Edit_after_someone_else_saved_the_pair_is_refused_with_their_text_and_keeps_the_edit()
    {
        // The editor stays open until the test has saved another translator's correction.
        var opened = Path.Combine(_directory.Path, "opened");
        var go = Path.Combine(_directory.Path, "go");
        var editor = Script("slow.sh", $"""touch '{opened}'; while [ ! -e '{go}' ]; do sleep 0.05; done; sed -i 's/Staline/Stalin/' "$1" """);

        var running = Edit(editor);
        for (var waited = 0; !File.Exists(opened) && !running.IsCompleted && waited < 3000; waited++)
        {
            await Task.Delay(10);
        }

        _server.Service.Segments[Id] = new Segment
        {
            SegmentId = Id, Ko = "김일성은 스탈린 설득에 나섰다.", En = "Kim set out to win Stalin over.", Version = 8, ChangedBy = "alice", Changed = "2026-03-02T09:00:00Z",
        };
        File.Create(go).Dispose();
        var run = await running;

        Assert.True(run.ExitCode == ExitCodes.ServerError, run.ToString());
        Assert.Contains("Someone else saved segment 42 while you edited it: it is at version 8 now (changed 2026-03-02T09:00:00Z by alice), you opened version 7.", run.Error);
        Assert.Contains("en: Kim set out to win Stalin over.", run.Error);
        Assert.Contains("Kim tried to persuade Stalin.", File.ReadAllText(KeptFile(run)));
        Assert.Equal("Kim set out to win Stalin over.", _server.Service.Segments[Id].En);
    }

    [Fact]
    public async Task Edit_saves_changed_fields_with_replace_fields_and_only_then()
    {
        _server.Service.Segments[Id].Fields.Add([new FieldValue { Name = "journal", Value = "군사사연구" }, new FieldValue { Name = "reviewed", Value = "no" }]);
        var fields = Script("fields.sh", """sed -i 's/^reviewed = no$/reviewed = yes/' "$1"; printf 'domain = war\n' >> "$1" """);
        var text = Script("text.sh", """sed -i 's/Staline/Stalin/' "$1" """);

        var fieldsRun = await Edit(fields);
        var textRun = await Edit(text);

        Assert.True(fieldsRun.ExitCode == ExitCodes.Success, fieldsRun.ToString());
        var updates = _server.Service.Requests.OfType<UpdateSegmentRequest>().ToList();
        Assert.Equal(("", "", true), (updates[0].Ko, updates[0].En, updates[0].ReplaceFields));
        Assert.Equal(["journal=군사사연구", "reviewed=yes", "domain=war"], updates[0].Fields.Select(f => $"{f.Name}={f.Value}"));
        Assert.Contains("fields: journal=군사사연구 · reviewed=yes · domain=war", fieldsRun.Out);
        Assert.True(textRun.ExitCode == ExitCodes.Success, textRun.ToString());
        Assert.Equal(("Kim tried to persuade Stalin.", false), (updates[1].En, updates[1].ReplaceFields));
        Assert.Empty(updates[1].Fields);
    }

    [Fact]
    public async Task Edit_with_json_prints_the_saved_pair()
    {
        var editor = Script("fix.sh", """sed -i 's/Staline/Stalin/' "$1" """);

        var run = await Edit(editor, "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(8, json.RootElement.GetProperty("version").GetInt64());
        Assert.Equal("Kim tried to persuade Stalin.", json.RootElement.GetProperty("en").GetString());
    }

    /// <summary>Runs <c>tm edit 42</c> with <paramref name="editor"/> as EDITOR and no VISUAL (the test machine's own would win).</summary>
    private Task<CliRun> Edit(string editor, params string[] options) =>
        _server.RunAsync(new Dictionary<string, string> { ["VISUAL"] = "", ["EDITOR"] = editor }, ["edit", Id, .. options]);

    private string Script(string name, string body)
    {
        var path = _directory.Write(name, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The file the error names as keeping the user's text, moved under the test's directory so it is cleaned up.</summary>
    private string KeptFile(CliRun run)
    {
        var match = KeptFilePattern().Match(run.Error);
        Assert.True(match.Success, run.ToString());
        var kept = Path.Combine(_directory.Path, "kept.txt");
        File.Move(match.Groups[1].Value, kept);
        return kept;
    }

    [GeneratedRegex(@"Your edited text is kept in (.+\.txt)\.")]
    private static partial Regex KeptFilePattern();
}
