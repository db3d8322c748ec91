using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm concordance "&lt;term&gt;"</c>: segments containing a term, with the term highlighted.</summary>
internal sealed class ConcordanceCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _term = new("term")
    {
        Description = "The word or phrase to find (case-insensitive for Latin letters)",
    };

    private readonly Option<string?> _lang = new("--lang")
    {
        Description = "Side to search: ko or en [default: both]",
    };

    private readonly Option<int?> _max = new("--max")
    {
        Description = "Most hits to show, 1-500 [default: 20]",
        HelpName = "n",
    };

    public ConcordanceCommand(CliContext context, CommonOptions common)
        : base("concordance", "Segments whose Korean or English side contains a term", context, common, DefaultTimeout)
    {
        _lang.AcceptOnlyFromAmong("ko", "en");
        _max.CustomParser = NumberParser.For<int>(max => max is >= 1 and <= 500, "--max must be a whole number between 1 and 500;");

        Add(_term);
        Add(_lang);
        Add(_max);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var term = parseResult.GetRequiredValue(_term);
        var request = new ConcordanceRequest
        {
            Memory = MemoryOf(parseResult),
            Term = term,
            Lang = parseResult.GetValue(_lang) ?? "",
            MaxResults = parseResult.GetValue(_max) ?? 0,
        };

        var response = await connection.TranslationMemory.ConcordanceAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(term, response);
        }
        else
        {
            Render(term, response);
        }

        return ExitCodes.Success;
    }

    private void Render(string term, ConcordanceResponse response)
    {
        if (response.Hits.Count == 0)
        {
            Context.WriteLine($"No segment contains \"{Markup.Escape(term)}\".");
            return;
        }

        var ansi = Context.Ansi;
        var table = Context.CreateTable(rowSeparators: true);
        table.AddColumn(new TableColumn("#") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Korean"));
        table.AddColumn(new TableColumn("English"));
        var number = 0;
        foreach (var hit in response.Hits)
        {
            number++;

            // The server says which side matched; the other side is highlighted too when the term happens to
            // occur there (a name or number left untranslated), which is exactly what a terminologist looks for.
            table.AddRow(
                new Markup(number.ToString(CultureInfo.InvariantCulture)),
                new Markup(TermHighlighter.ToMarkup(hit.Ko, term, ansi)),
                new Markup(TermHighlighter.ToMarkup(hit.En, term, ansi)));
        }

        var shown = response.Hits.Count;
        var total = Math.Max(response.Total, shown);
        Context.WriteTable(table);
        Context.WriteLine(shown < total
            ? $"{shown} of {total} segments containing \"{Markup.Escape(term)}\"; raise --max to see more."
            : $"{Counted.Of(total, "segment")} containing \"{Markup.Escape(term)}\".");
    }

    private void WriteJson(string term, ConcordanceResponse response) =>
        WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteString("term", term);
            json.WriteNumber("total", response.Total);
            json.WriteStartArray("hits");
            foreach (var hit in response.Hits)
            {
                json.WriteStartObject();
                json.WriteString("segmentId", hit.SegmentId);
                json.WriteString("ko", hit.Ko);
                json.WriteString("en", hit.En);
                json.WriteString("koTmx", hit.KoTmx);
                json.WriteString("enTmx", hit.EnTmx);
                json.WriteString("lang", hit.Lang);
                json.WriteString("origin", hit.Origin);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
