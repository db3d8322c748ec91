using System.CommandLine;
using System.ComponentModel;
using System.Text;
using Grpc.Core;
using Spectre.Console;
using TM.Client.Editing;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm edit ID</c>: opens one pair in the user's text editor (<see cref="TextEditor.Resolve"/>) as a
/// <see cref="PairFile"/> and saves the sides that changed, and the fields if they changed, with the version it opened, so an edit someone else saved
/// meanwhile is not overwritten. Whatever goes wrong after the user changed the file, the file is kept and its path
/// printed: a long correction is never lost to a conflict or a typo.
/// </summary>
internal sealed class EditCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<string> _id = SegmentCommand.IdArgument();

    public EditCommand(CliContext context, CommonOptions common)
        : base("edit", "Correct one pair in your text editor ($VISUAL, else $EDITOR, else editor or vi); refused if someone else saves it first", context, common, DefaultTimeout)
    {
        Add(_id);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var id = parseResult.GetValue(_id) ?? "";
        var segment = await GetAsync(connection, memory, id, cancellationToken);
        var text = PairFile.Render(segment, memory);
        if (!PairFile.TryParse(text, out var korean, out var english, out var fields, out _)
            || korean != PairFile.Normalize(segment.Ko) || english != PairFile.Normalize(segment.En) || fields is null || !PairFile.SameFields(segment.Fields, fields))
        {
            Context.WriteError($"Segment {id} has a line reading {PairFile.KoreanHeading}, {PairFile.EnglishHeading} or {PairFile.FieldsHeading} in its text, which tm edit cannot tell from its own; correct it with tm segment edit.");
            return ExitCodes.InputError;
        }

        var file = CreateFile(id, text);
        bool? keep = null;
        try
        {
            (var exitCode, keep) = await EditAsync(parseResult, connection, memory, segment, file, text, cancellationToken);
            return exitCode;
        }
        finally
        {
            // Ctrl+C or an unexpected failure leaves keep unset: the file stays if the user typed in it.
            if (keep ?? (File.Exists(file) && File.ReadAllText(file) != text))
            {
                Context.WriteErrorLine(Markup.Escape($"Your edited text is kept in {file}."));
            }
            else
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Runs the editor on <paramref name="file"/> and saves what changed.</summary>
    /// <returns>The exit code, and whether the file holds text of the user's that was not saved.</returns>
    private async Task<(int ExitCode, bool Keep)> EditAsync(
        ParseResult parseResult, ServerConnection connection, string memory, Segment segment, string file, string text, CancellationToken cancellationToken)
    {
        var editor = TextEditor.Resolve(Context.GetEnvironmentVariable);
        int editorExit;
        try
        {
            editorExit = await TextEditor.RunAsync(editor, file, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            Context.WriteError($"The editor '{editor}' could not be started: {ex.Message}. Nothing was saved.");
            return (ExitCodes.InputError, false);
        }

        string edited;
        try
        {
            edited = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Context.WriteError($"The edited file cannot be read ({ex.Message}); nothing was saved.");
            return (ExitCodes.InputError, false);
        }

        if (editorExit != 0)
        {
            // 127 is the shell's "command not found".
            var hint = editorExit == 127 ? " (is it installed? set VISUAL or EDITOR)" : "";
            Context.WriteError($"The editor '{editor}' exited with code {editorExit}{hint}; nothing was saved.");
            return (ExitCodes.InputError, edited != text);
        }

        if (!PairFile.TryParse(edited, out var korean, out var english, out var fields, out var error))
        {
            Context.WriteError($"Nothing was saved: in the edited file, {error}");
            return (ExitCodes.InputError, true);
        }

        if (korean.Length == 0 || english.Length == 0)
        {
            var side = korean.Length == 0 ? PairFile.KoreanHeading : PairFile.EnglishHeading;
            Context.WriteError($"Nothing was saved: the {side} side is empty, and a pair needs both (tm segment delete {segment.SegmentId} removes the pair).");
            return (ExitCodes.InputError, true);
        }

        // Only a side that changed is sent (empty means keep), so the other keeps its inline tags and exact spacing; the
        // fields only when they changed (a file without [fields] keeps them).
        var request = new UpdateSegmentRequest
        {
            Memory = memory,
            SegmentId = segment.SegmentId,
            Ko = korean == PairFile.Normalize(segment.Ko) ? "" : korean,
            En = english == PairFile.Normalize(segment.En) ? "" : english,
            Version = segment.Version,
            ReplaceFields = fields is not null && !PairFile.SameFields(segment.Fields, fields),
        };
        if (request.ReplaceFields)
        {
            request.Fields.AddRange(fields);
        }

        var changed = request.Ko.Length > 0 || request.En.Length > 0 || request.ReplaceFields;
        var saved = segment;
        if (changed)
        {
            try
            {
                saved = await connection.TranslationMemory.UpdateSegmentAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted)
            {
                await ReportConflictAsync(connection, memory, segment, ex, cancellationToken);
                return (ExitCodes.ServerError, true);
            }
            catch (RpcException ex)
            {
                return (connection.Report(ex, Context, cancellationToken), true);
            }
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json => SegmentCommand.Write(json, saved));
        }
        else if (changed)
        {
            SegmentCommand.Write(Context, saved);
        }
        else
        {
            Context.WriteLine("No change; the pair is as it was.");
        }

        return (ExitCodes.Success, false);
    }

    /// <summary>Says who changed the pair to what, so the user can redo the edit on it; the caller then names the kept file.</summary>
    private async Task ReportConflictAsync(ServerConnection connection, string memory, Segment opened, RpcException conflict, CancellationToken cancellationToken)
    {
        Segment? theirs = null;
        try
        {
            theirs = await GetAsync(connection, memory, opened.SegmentId, cancellationToken);
        }
        catch (RpcException)
        {
            // Deleted meanwhile, or the server went away: the server's own message below still says what happened.
        }

        if (theirs is null)
        {
            Context.WriteError($"Someone else changed segment {opened.SegmentId} while you edited it; nothing was saved. {conflict.Status.Detail}");
            return;
        }

        var by = theirs.ChangedBy.Length > 0 ? $" by {theirs.ChangedBy}" : "";
        Context.WriteError($"Someone else saved segment {opened.SegmentId} while you edited it: it is at version {theirs.Version} now (changed {theirs.Changed}{by}), "
            + $"you opened version {opened.Version}. Nothing was saved. It now reads:");
        Context.WriteErrorLine($"  ko: {Markup.Escape(theirs.Ko)}");
        Context.WriteErrorLine($"  en: {Markup.Escape(theirs.En)}");
        var memoryOption = memory.Length > 0 ? $" --memory {memory}" : "";
        Context.WriteErrorLine(Markup.Escape($"Run tm edit {opened.SegmentId}{memoryOption} to edit what it says now, and copy your changes from the file below."));
    }

    private static Task<Segment> GetAsync(ServerConnection connection, string memory, string id, CancellationToken cancellationToken) =>
        connection.TranslationMemory.GetSegmentAsync(new GetSegmentRequest { Memory = memory, SegmentId = id },
            deadline: connection.Deadline(), cancellationToken: cancellationToken).ResponseAsync;

    /// <summary>
    /// A new file in the temp directory, UTF-8 without a byte order mark, readable by the user alone (the pair may be
    /// a client's confidential text). The .txt ending makes editors open it as plain text.
    /// </summary>
    private static string CreateFile(string id, string text)
    {
        var name = new string([.. id.Where(char.IsAsciiLetterOrDigit).Take(40)]);
        var path = Path.Combine(Path.GetTempPath(), $"tm-edit-{name}-{Guid.NewGuid().ToString("N")[..8]}.txt");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(text);
        return path;
    }
}
