using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TM.Client.Import;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm imports</c>: the imports recorded on the server (all memories unless <c>--memory</c> names one), oldest
/// first, with how each ended; below the table, why each failed import failed and how to carry on with each
/// interrupted one.
/// </summary>
internal sealed class ImportsCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public ImportsCommand(CliContext context, CommonOptions common)
        : base("imports", "Lists past imports (documents, pair streams, TMX/TSV/CSV files): status, policy, what each stored, and how to resume an interrupted one", context, common, DefaultTimeout)
    {
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        // As with stats, an empty memory means "all memories" here.
        var memory = MemoryOf(parseResult);
        var response = await connection.TranslationMemory.ListImportsAsync(new ListImportsRequest { Memory = memory }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(response);
            return ExitCodes.Success;
        }

        if (response.Imports.Count == 0)
        {
            Context.WriteLine("No imports yet.");
            return ExitCodes.Success;
        }

        // Fifteen fields do not fit 80 columns as fifteen columns: each cell holds a main value and, dimmed below
        // it, the details that go with it (kind and memory under the name, the policy under the status, other
        // counts under the pairs stored, the duration under the start). Every field is in the JSON.
        var showMemory = response.Imports.Select(r => r.Memory).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var table = Context.CreateTable(rowSeparators: true);
        table.AddColumn(new TableColumn("Id") { Alignment = Justify.Right, NoWrap = true });
        table.AddColumn(new TableColumn("Name"));
        table.AddColumn(new TableColumn("Status") { NoWrap = true });
        table.AddColumn(new TableColumn("Pairs"));
        table.AddColumn(new TableColumn("Started (UTC)") { NoWrap = true });
        foreach (var record in response.Imports)
        {
            var where = showMemory ? " · " + (record.Memory.Length == 0 ? "(default)" : record.Memory) : "";
            table.AddRow(
                Quantities.Count(record.ImportId),
                Markup.Escape(record.Name) + "\n[dim]" + Markup.Escape(record.Kind + where) + "[/]",
                StatusMarkup(record.Status) + "\n[dim]" + Markup.Escape(UpdatePolicyNames.FromRecord(record.UpdatePolicy)) + "[/]",
                Markup.Escape(PairCounts(record)) + "\n[dim]" + Markup.Escape($"{Counted.Of(record.UnitsCommitted, "unit")}, {Counted.Of(record.Batches, "batch", "batches")}") + "[/]",
                Markup.Escape(Timestamp(record.Created)) + "\n[dim]" + Markup.Escape(Took(record)) + "[/]");
        }

        Context.WriteTable(table);
        foreach (var record in response.Imports)
        {
            if (Hint(record) is { } hint)
            {
                Context.WriteLine(Markup.Escape(hint));
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The line below the table for a record that needs one: why a failed import failed, and the command that
    /// carries on with an interrupted one (the record holds the file's name, not its path).
    /// </summary>
    internal static string? Hint(ImportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (record.Status)
        {
            case "interrupted":
                var command = ResumeCommandLine.For(record.Name, record.ImportId, record.Memory, sourceLang: null, server: null);
                return $"Import {record.ImportId} ({record.Name}) was interrupted after {Counted.Of(record.UnitsCommitted, "unit")}: "
                    + $"carry on with `{command}` (the same file, from wherever it is).";
            case "failed":
                return $"Import {record.ImportId} ({record.Name}) failed: {(record.Message.Length > 0 ? record.Message : "no reason recorded")}";
            default:
                return null;
        }
    }

    // "240,000 stored, 5,000 dup., 5,000 updated": the stored count always, the others when there are any.
    private static string PairCounts(ImportRecord record)
    {
        var parts = new List<string> { Quantities.Count(record.PairsStored) + " stored" };
        if (record.PairsSkipped > 0)
        {
            parts.Add(Quantities.Count(record.PairsSkipped) + " dup.");
        }

        if (record.PairsUpdated > 0)
        {
            parts.Add(Quantities.Count(record.PairsUpdated) + " updated");
        }

        if (record.PairsKeptExisting > 0)
        {
            parts.Add(Quantities.Count(record.PairsKeptExisting) + " kept");
        }

        return string.Join(", ", parts);
    }

    private static string StatusMarkup(string status) => status switch
    {
        "completed" => "[green]completed[/]",
        "failed" => "[red]failed[/]",
        "interrupted" => "[yellow]interrupted[/]",
        _ => Markup.Escape(status),
    };

    // 2026-01-31T09:15:02.123Z (or, from older servers, ...02Z) reads better as 2026-01-31 09:15 in a table (the JSON
    // keeps the seconds); anything unexpected is shown as sent.
    private static string Timestamp(string rfc3339) =>
        DateTimeOffset.TryParse(rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : rfc3339;

    // Both forms parse; only timestamps with fractions give sub-second durations such as "took 0.4 s".
    private static string Took(ImportRecord record) =>
        DateTimeOffset.TryParse(record.Created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
        && DateTimeOffset.TryParse(record.Finished, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var finished)
            ? "took " + Quantities.Duration(finished - created)
            : "not finished";

    private void WriteJson(ListImportsResponse response) =>
        WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("imports");
            foreach (var record in response.Imports)
            {
                json.WriteStartObject();
                json.WriteNumber("importId", record.ImportId);
                json.WriteString("memory", record.Memory);
                json.WriteString("kind", record.Kind);
                json.WriteString("name", record.Name);
                json.WriteString("status", record.Status);
                json.WriteString("updatePolicy", record.UpdatePolicy);
                json.WriteNumber("pairsStored", record.PairsStored);
                json.WriteNumber("pairsSkipped", record.PairsSkipped);
                json.WriteNumber("pairsUpdated", record.PairsUpdated);
                json.WriteNumber("pairsKeptExisting", record.PairsKeptExisting);
                json.WriteNumber("unitsCommitted", record.UnitsCommitted);
                json.WriteNumber("batches", record.Batches);
                json.WriteString("message", record.Message);
                json.WriteString("created", record.Created);
                json.WriteString("finished", record.Finished);
                if (record.Status == "interrupted")
                {
                    json.WriteString("resumeCommand", ResumeCommandLine.For(
                        record.Name, record.ImportId, record.Memory, sourceLang: null, server: null));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
