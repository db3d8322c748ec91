using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TM.Client.Fields;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm concordance "&lt;term&gt;"</c>: segments containing a term, with the term highlighted where the server found it.</summary>
internal sealed class ConcordanceCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _term = new("term")
    {
        Description = "What to find: Korean anywhere it occurs (휴전 finds 휴전회담), English as whole words or a phrase, "
            + "with a trailing * for a prefix (negotiat*); case-insensitive",
    };

    private readonly Option<string?> _lang = new("--lang")
    {
        Description = "Side to search: ko or en [default: both]",
    };

    private readonly Option<int?> _max = new("--max")
    {
        Description = "Hits per page, 1-500 [default: 20]",
        HelpName = "n",
    };

    private readonly Option<string?> _page = new("--page-token")
    {
        Description = "Show the next page: the token the previous page printed",
        HelpName = "token",
    };

    private readonly Option<bool> _wordForms = new("--word-forms")
    {
        Description = "English words also match their other forms (negotiation finds negotiations, negotiated)",
    };

    private readonly Option<string?> _origin = new("--origin")
    {
        Description = "Only pairs from this document or file (its name, exactly)",
        HelpName = "name",
    };

    private readonly Option<long?> _import = new("--import")
    {
        Description = "Only pairs stored or last overwritten by this import (an id from tm imports)",
        HelpName = "id",
    };

    private readonly Option<string?> _createdBy = new("--created-by")
    {
        Description = "Only pairs stored with this API key (its name)",
        HelpName = "key",
    };

    private readonly Option<string?> _changedAfter = new("--changed-after")
    {
        Description = "Only pairs last changed at or after this time (2026-03-01 or 2026-03-01T09:00:00Z)",
        HelpName = "time",
    };

    private readonly Option<string?> _changedBefore = new("--changed-before")
    {
        Description = "Only pairs last changed before this time",
        HelpName = "time",
    };

    private readonly Option<FieldValue[]> _fields = FieldValues.FilterOption();

    public ConcordanceCommand(CliContext context, CommonOptions common)
        : base("concordance", "Segments whose Korean or English side contains a term", context, common, DefaultTimeout)
    {
        _lang.AcceptOnlyFromAmong("ko", "en");
        _max.CustomParser = NumberParser.For<int>(max => max is >= 1 and <= 500, "--max must be a whole number between 1 and 500;");
        _import.CustomParser = NumberParser.For<long>(id => id >= 1, "--import must be an import id (a whole number from tm imports);");

        Add(_term);
        Add(_lang);
        Add(_max);
        Add(_page);
        Add(_wordForms);
        Add(_origin);
        Add(_import);
        Add(_createdBy);
        Add(_changedAfter);
        Add(_changedBefore);
        Add(_fields);
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
            PageToken = parseResult.GetValue(_page) ?? "",
            MatchWordForms = parseResult.GetValue(_wordForms),
            Origin = parseResult.GetValue(_origin) ?? "",
            ImportId = parseResult.GetValue(_import) ?? 0,
            CreatedBy = parseResult.GetValue(_createdBy) ?? "",
            ChangedAfter = parseResult.GetValue(_changedAfter) ?? "",
            ChangedBefore = parseResult.GetValue(_changedBefore) ?? "",
            Fields = { parseResult.GetValue(_fields) ?? [] },
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
            Context.WriteLine(response.Total > 0
                ? $"No more segments contain \"{Markup.Escape(term)}\" ({Counted.Of(response.Total, "segment")} in all)."
                : $"No segment contains \"{Markup.Escape(term)}\".");
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
            // Highlighted where the server says the term is: on English, whole words (and their other forms with
            // --word-forms), which a client-side substring search would get wrong. The other side, when the term is not
            // in it, shows its translation as the termbase knows it, underlined. The fields go under the English.
            var fields = FieldValues.Format(hit.Fields);
            table.AddRow(
                new Markup(number.ToString(CultureInfo.InvariantCulture)),
                new Markup(Highlight(hit.Ko, hit.KoSpans, hit.Lang == "en" ? hit.TranslationSpans : null, ansi)),
                new Markup(Highlight(hit.En, hit.EnSpans, hit.Lang == "ko" ? hit.TranslationSpans : null, ansi) + (fields.Length > 0 ? "\n[dim]" + Markup.Escape(fields) + "[/]" : "")));
        }

        var shown = response.Hits.Count;
        var total = Math.Max(response.Total, shown);
        Context.WriteTable(table);
        if (response.NextPageToken.Length > 0)
        {
            Context.WriteLine($"{shown} of {total} segments containing \"{Markup.Escape(term)}\"; the next page: the same command with --page-token {Markup.Escape(response.NextPageToken)}");
        }
        else
        {
            Context.WriteLine(shown < total
                ? $"The last {shown} of {total} segments containing \"{Markup.Escape(term)}\"."
                : $"{Counted.Of(total, "segment")} containing \"{Markup.Escape(term)}\".");
        }
    }

    // A side's own spans when the term was found in it; else, on the other side of the one it was found on, its translation.
    private static string Highlight(string text, IList<TextSpan> termSpans, IList<TextSpan>? translationSpans, bool ansi) =>
        termSpans.Count == 0 && translationSpans is { Count: > 0 }
            ? TermHighlighter.ToMarkup(text, translationSpans, ansi, TermHighlighter.TranslationStyle)
            : TermHighlighter.ToMarkup(text, termSpans, ansi);

    private void WriteJson(string term, ConcordanceResponse response) =>
        WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteString("term", term);
            json.WriteNumber("total", response.Total);
            json.WriteString("nextPageToken", response.NextPageToken);
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
                WriteSpans(json, "koSpans", hit.KoSpans);
                WriteSpans(json, "enSpans", hit.EnSpans);
                WriteSpans(json, "translationSpans", hit.TranslationSpans);
                json.WriteNumber("importId", hit.ImportId);
                json.WriteString("created", hit.Created);
                json.WriteString("changed", hit.Changed);
                json.WriteString("createdBy", hit.CreatedBy);
                json.WriteString("changedBy", hit.ChangedBy);
                FieldValues.Write(json, hit.Fields);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteSpans(System.Text.Json.Utf8JsonWriter json, string name, IEnumerable<TextSpan> spans)
    {
        json.WriteStartArray(name);
        foreach (var span in spans)
        {
            json.WriteStartObject();
            json.WriteNumber("start", span.Start);
            json.WriteNumber("length", span.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
