using System.CommandLine;
using Spectre.Console;
using TM.Client.Fields;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment list</c>: a memory's pairs a page at a time, oldest first, with concordance's filters.</summary>
internal sealed class SegmentListCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Option<int?> _max = new("--max") { Description = "Pairs per page, 1-500 [default: 50]", HelpName = "n" };
    private readonly Option<string?> _origin = new("--origin") { Description = "Only pairs from this document or file", HelpName = "name" };
    private readonly Option<long?> _import = new("--import") { Description = "Only pairs stored by this import (its id in tm imports)", HelpName = "id" };
    private readonly Option<FieldValue[]> _fields = FieldValues.FilterOption();

    private readonly Option<string?> _pageToken = new("--page-token") { Description = "The next page, as the previous page printed it", HelpName = "token" };

    public SegmentListCommand(CliContext context, CommonOptions common)
        : base("list", "Browse the memory's pairs a page at a time, oldest first", context, common, DefaultTimeout)
    {
        _max.CustomParser = NumberParser.For<int>(max => max is >= 1 and <= 500, "--max must be a whole number between 1 and 500;");
        _import.CustomParser = NumberParser.For<long>(id => id >= 1, "--import must be an import id (a whole number from tm imports);");
        Add(_max);
        Add(_origin);
        Add(_import);
        Add(_fields);
        Add(_pageToken);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var response = await connection.TranslationMemory.ListSegmentsAsync(new ListSegmentsRequest
        {
            Memory = MemoryOf(parseResult),
            MaxResults = parseResult.GetValue(_max) ?? 0,
            Origin = parseResult.GetValue(_origin) ?? "",
            ImportId = parseResult.GetValue(_import) ?? 0,
            PageToken = parseResult.GetValue(_pageToken) ?? "",
            Fields = { parseResult.GetValue(_fields) ?? [] },
        }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => JsonOutput.WritePage(json, response.Total, response.NextPageToken, "segments", response.Segments, SegmentCommand.Write));
            return ExitCodes.Success;
        }

        var table = Context.CreateTable(rowSeparators: true);
        table.AddColumn(new TableColumn("Id") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Korean"));
        table.AddColumn(new TableColumn("English"));
        table.AddColumn(new TableColumn("Changed") { NoWrap = true });
        // A column for fields only when a pair on the page has some: most memories define none.
        var anyFields = response.Segments.Any(segment => segment.Fields.Count > 0);
        if (anyFields)
        {
            table.AddColumn(new TableColumn("Fields"));
        }

        foreach (var segment in response.Segments)
        {
            string[] cells =
            [
                Markup.Escape(segment.SegmentId),
                Markup.Escape(segment.Ko),
                Markup.Escape(segment.En),
                Markup.Escape(segment.Changed.Length >= 10 ? segment.Changed[..10] : segment.Changed),
            ];
            table.AddRow(anyFields ? [.. cells, Markup.Escape(string.Join('\n', segment.Fields.Select(f => $"{f.Name}={f.Value}")))] : cells);
        }

        Context.WriteTable(table);
        Context.WriteLine($"{Quantities.Count(response.Total)} pairs in all." + (response.NextPageToken.Length > 0
            ? $" Next page: tm segment list --page-token {Markup.Escape(response.NextPageToken)} (with the same filters)"
            : ""));
        return ExitCodes.Success;
    }
}
