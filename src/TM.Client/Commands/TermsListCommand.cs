using System.CommandLine;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm terms list [FILTER] [--max N] [--page-token T]</c>: the termbase a page at a time, oldest entry first.</summary>
internal sealed class TermsListCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<string?> _filter = new("filter")
    {
        Description = "Only entries whose Korean or English term or variant contains this text",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<int?> _max = new("--max") { Description = "Entries per page, 1-500 [default: 50]", HelpName = "n" };
    private readonly Option<string?> _pageToken = new("--page-token") { Description = "The next page, as the previous page printed it", HelpName = "token" };

    public TermsListCommand(CliContext context, CommonOptions common)
        : base("list", "List the termbase's entries a page at a time, oldest first", context, common, DefaultTimeout)
    {
        _max.CustomParser = NumberParser.For<int>(max => max is >= 1 and <= 500, "--max must be a whole number between 1 and 500;");
        Add(_filter);
        Add(_max);
        Add(_pageToken);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var filter = parseResult.GetValue(_filter) ?? "";
        var response = await connection.TranslationMemory.ListTermsAsync(new ListTermsRequest
        {
            Memory = MemoryOf(parseResult),
            Filter = filter,
            PageSize = parseResult.GetValue(_max) ?? 0,
            PageToken = parseResult.GetValue(_pageToken) ?? "",
        }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => JsonOutput.WritePage(json, response.Total, response.NextPageToken, "terms", response.Terms, TermsCommand.Write));
            return ExitCodes.Success;
        }

        var table = Context.CreateTable(rowSeparators: true);
        table.AddColumn(new TableColumn("Id") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Korean"));
        table.AddColumn(new TableColumn("English"));
        table.AddColumn(new TableColumn("Details"));
        table.AddColumn(new TableColumn("Version") { NoWrap = true, Alignment = Justify.Right });
        foreach (var entry in response.Terms)
        {
            table.AddRow(
                Markup.Escape(entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Markup.Escape(entry.Ko),
                Markup.Escape(entry.En),
                Markup.Escape(string.Join('\n', TermsCommand.Details(entry))),
                Markup.Escape(entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Context.WriteTable(table);
        var filterOption = filter.Length > 0 ? $" \"{filter}\"" : "";
        Context.WriteLine(Markup.Escape($"{Counted.Of(response.Total, "entry", "entries")} in all." + (response.NextPageToken.Length > 0
            ? $" Next page: tm terms list{filterOption} --page-token {response.NextPageToken}"
            : "")));
        return ExitCodes.Success;
    }
}
