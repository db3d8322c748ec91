using System.CommandLine;
using Spectre.Console;
using Spectre.Console.Rendering;
using TM.Client.Fields;
using TM.Client.Input;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm match "&lt;sentence&gt;"</c>: fuzzy matches, best first, with the differences to each match's source highlighted;
/// <c>tm match --file sentences.txt</c>: the same for every line of a file, through LookupBatch.
/// </summary>
internal sealed class MatchCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    // The server's own threshold when min_score is 0 (translation_memory.proto, LookupRequest.min_score).
    private const double ServerDefaultMinScore = 50;

    // The server's largest batch (RequestLimits.MaxLookupBatchTexts, LookupBatchRequest.texts): a longer file goes in several calls.
    private const int BatchSize = 1_000;

    private readonly Argument<string?> _sentence = new("sentence")
    {
        Description = "The sentence to find matches for, in Korean or English",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _file = new("--file")
    {
        Description = "Match every line of this UTF-8 text file instead (blank lines skipped), a thousand lines per call",
        HelpName = "sentences.txt",
    };

    private readonly Option<string?> _lang = new("--lang")
    {
        Description = "Language of the sentence: ko or en [default: detected from the script]",
    };

    private readonly Option<int?> _max = new("--max")
    {
        Description = "Most matches to show, 1-100 [default: 5]",
        HelpName = "n",
    };

    private readonly Option<double?> _minScore = new("--min-score")
    {
        Description = "Lowest score to show, 0-100 [default: 50]",
        HelpName = "score",
    };

    private readonly Option<string?> _origin = new("--origin")
    {
        Description = "Match only pairs from this document or file (exactly its origin, as tm concordance shows it)",
        HelpName = "name",
    };

    private readonly Option<long?> _importId = new("--import")
    {
        Description = "Match only pairs stored by this import (its id in tm imports)",
        HelpName = "id",
    };

    private readonly Option<FieldValue[]> _fields = FieldValues.FilterOption();

    private readonly Option<FieldPenalty[]> _prefer = FieldPreferences.Option();

    public MatchCommand(CliContext context, CommonOptions common)
        : base("match", "Fuzzy matches for a sentence, best first, with the differences to each match highlighted", context, common, DefaultTimeout)
    {
        _lang.AcceptOnlyFromAmong("ko", "en");
        _max.CustomParser = NumberParser.For<int>(max => max is >= 1 and <= 100, "--max must be a whole number between 1 and 100;");
        _minScore.CustomParser = NumberParser.For<double>(score => score is >= 0 and <= 100, "--min-score must be a number between 0 and 100;");
        _importId.CustomParser = NumberParser.For<long>(id => id >= 1, "--import must be an import id (a whole number from tm imports);");

        Validators.Add(result =>
        {
            if ((result.GetResult(_sentence)?.Tokens.Count ?? 0) == 0 == (result.GetResult(_file) is null))
            {
                result.AddError("Give either a sentence or --file with one sentence per line, not both.");
            }
        });

        Add(_sentence);
        Add(_file);
        Add(_lang);
        Add(_max);
        Add(_minScore);
        Add(_origin);
        Add(_importId);
        Add(_fields);
        Add(_prefer);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_file) is { } path)
        {
            return await RunFileAsync(parseResult, connection, path, cancellationToken);
        }

        var query = parseResult.GetValue(_sentence)!;
        var minScore = parseResult.GetValue(_minScore);
        var request = new LookupRequest
        {
            Memory = MemoryOf(parseResult),
            Text = query,
            SourceLang = parseResult.GetValue(_lang) ?? "",
            MaxResults = parseResult.GetValue(_max) ?? 0,
            MinScore = minScore ?? 0,
            Origin = parseResult.GetValue(_origin) ?? "",
            ImportId = parseResult.GetValue(_importId) ?? 0,
            Fields = { parseResult.GetValue(_fields) ?? [] },
            Penalties = await PenaltiesAsync(parseResult, connection, cancellationToken),
        };

        var response = await connection.TranslationMemory.LookupAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        var threshold = minScore is > 0 ? minScore.Value : ServerDefaultMinScore;

        if (WantsJson(parseResult))
        {
            WriteJson(query, threshold, response);
        }
        else
        {
            Render(query, threshold, response);
        }

        return ExitCodes.Success;
    }

    private async Task<int> RunFileAsync(ParseResult parseResult, ServerConnection connection, string path, CancellationToken cancellationToken)
    {
        string[] sentences;
        try
        {
            sentences = DocumentFileReader.ReadAllText(path)
                .Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.Length > 0)
                .ToArray();
        }
        catch (InputFileException ex)
        {
            Context.WriteError(ex.Message);
            return ExitCodes.InputError;
        }

        var minScore = parseResult.GetValue(_minScore);
        var threshold = minScore is > 0 ? minScore.Value : ServerDefaultMinScore;
        var answers = new List<LookupResponse>(sentences.Length);
        var penalties = await PenaltiesAsync(parseResult, connection, cancellationToken);
        foreach (var batch in sentences.Chunk(BatchSize))
        {
            var request = new LookupBatchRequest
            {
                Memory = MemoryOf(parseResult),
                SourceLang = parseResult.GetValue(_lang) ?? "",
                MaxResults = parseResult.GetValue(_max) ?? 0,
                MinScore = minScore ?? 0,
                Origin = parseResult.GetValue(_origin) ?? "",
                ImportId = parseResult.GetValue(_importId) ?? 0,
                // A file is a document: each line's neighbours are its context (context matches). A batch boundary
                // cuts one neighbour off the first and last line of a batch.
                InDocumentOrder = true,
                Fields = { parseResult.GetValue(_fields) ?? [] },
                Penalties = penalties,
            };
            request.Texts.AddRange(batch);
            var response = await connection.TranslationMemory.LookupBatchAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
            answers.AddRange(response.Results);
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartArray();
                for (var i = 0; i < sentences.Length; i++)
                {
                    WriteResult(json, sentences[i], threshold, answers[i]);
                }

                json.WriteEndArray();
            });
        }
        else
        {
            for (var i = 0; i < sentences.Length; i++)
            {
                Context.WriteLine($"{i + 1}. {sentences[i]}");
                Render(sentences[i], threshold, answers[i]);
                Context.WriteLine("");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Null (the memory's own penalties) unless <c>--prefer</c> asks for more.</summary>
    private async Task<MatchPenalties?> PenaltiesAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken) =>
        parseResult.GetValue(_prefer) is { Length: > 0 } preferences
            ? await FieldPreferences.PenaltiesAsync(connection, MemoryOf(parseResult), preferences, cancellationToken)
            : null;

    private void Render(string query, double threshold, LookupResponse response)
    {
        if (TermHits.Line(query, response.QueryTerms) is { Length: > 0 } terms)
        {
            Context.WriteLine(Markup.Escape(terms));
        }

        if (response.Matches.Count == 0)
        {
            Context.WriteLine($"No match at or above {Percent.Threshold(threshold)}.");
            return;
        }

        var ansi = Context.Ansi;
        var (sourceHeader, targetHeader) = response.SourceLang switch
        {
            "ko" => ("Source (ko)", "Target (en)"),
            "en" => ("Source (en)", "Target (ko)"),
            _ => ("Source", "Target"),
        };
        var table = Context.CreateTable(rowSeparators: true);
        table.AddColumn(new TableColumn("Score") { NoWrap = true, Alignment = Justify.Right });
        table.AddColumn(new TableColumn(sourceHeader));
        table.AddColumn(new TableColumn(targetHeader));

        var anyDifference = false;
        var anyLowConfidence = false;
        var anyFragment = false;
        var anyQueryPart = false;
        var anyAdapted = false;
        var anyContext = false;
        foreach (var match in response.Matches)
        {
            // A match of one sentence is compared with that sentence, and of the query's sentence it answers.
            var matched = match.Kind == MatchKind.Fragment && match.SourceSpan is { } source ? Slice(match.Source, source) : match.Source;
            var asked = match.QuerySpan is { } part ? Slice(query, part) : query;
            var diff = DiffHighlighter.Diff(asked, matched);
            anyDifference |= DiffHighlighter.HasDifferences(diff);
            anyLowConfidence |= match.LowConfidence;
            anyFragment |= match.Kind == MatchKind.Fragment;
            anyQueryPart |= match.QuerySpan is not null;
            anyContext |= match.Kind == MatchKind.Context;
            var score = Percent.Score(match.Score) + (match.Kind == MatchKind.Fragment ? "F" : match.Kind == MatchKind.Context ? "C" : "") + (match.QuerySpan is not null ? "§" : "") + (match.LowConfidence ? "*" : "");
            var scoreMarkup = match.LowConfidence ? $"[yellow]{score}[/]" : match.Score >= 100 ? $"[green]{score}[/]" : score;
            anyAdapted |= match.Adaptations.Count > 0;
            var details = string.Join("\n", new[] { AdaptedTarget.Details(match, query), FieldValues.Format(match.Fields) }.Where(line => line.Length > 0));
            var forbidden = TermHits.Forbidden(match.Target, match.ForbiddenTerms);
            var lines = new List<IRenderable> { AdaptedTarget.Text(match, ansi) };
            if (details.Length > 0)
            {
                lines.Add(new Markup("[dim]" + Markup.Escape(details) + "[/]"));
            }

            if (forbidden.Length > 0)
            {
                lines.Add(new Markup("[red]" + Markup.Escape(forbidden) + "[/]"));
            }

            IRenderable target = lines.Count == 1 ? lines[0] : new Rows(lines);
            table.AddRow(new Markup(scoreMarkup), DiffHighlighter.ToText(diff, ansi), target);
        }

        var notes = new List<string>();
        if (anyDifference)
        {
            notes.Add(DiffHighlighter.LegendMarkup(ansi));
        }

        if (anyAdapted)
        {
            notes.Add(ansi
                ? "[green underline]new[/] numbers and dates of your sentence carried into the translation"
                : Markup.Escape("{+x+} in a translation: a number or date of your sentence carried into it"));
        }

        if (anyContext)
        {
            notes.Add("C context match: the same sentence between the same neighbours as where it was stored (101% in Trados and memoQ)");
        }

        if (anyFragment)
        {
            notes.Add("F fragment: one sentence of a stored pair of several, shown with the part of the translation that renders it (tm match --json has the whole pair)");
        }

        if (anyQueryPart)
        {
            notes.Add("§ matches one sentence of your text, not all of it");
        }

        if (anyLowConfidence)
        {
            notes.Add("* low-confidence alignment: check the pair before using it");
        }

        Context.WriteTable(table);
        foreach (var note in notes)
        {
            Context.WriteLine(note);
        }
    }

    private void WriteJson(string query, double threshold, LookupResponse response) =>
        WriteJson(json => WriteResult(json, query, threshold, response));

    private static void WriteResult(System.Text.Json.Utf8JsonWriter json, string query, double threshold, LookupResponse response)
    {
        json.WriteStartObject();
        json.WriteString("query", query);
        json.WriteString("sourceLang", response.SourceLang);
        json.WriteNumber("minScore", threshold);
        TermHits.Write(json, "queryTerms", response.QueryTerms);
        json.WriteStartArray("matches");
        foreach (var match in response.Matches)
        {
            json.WriteStartObject();
            json.WriteNumber("score", match.Score);
            json.WriteString("source", match.Source);
            json.WriteString("target", match.Target);
            json.WriteString("sourceTmx", match.SourceTmx);
            json.WriteString("targetTmx", match.TargetTmx);
            json.WriteString("segmentId", match.SegmentId);
            json.WriteString("origin", match.Origin);
            json.WriteBoolean("lowConfidence", match.LowConfidence);
            json.WriteNumber("importId", match.ImportId);
            json.WriteString("created", match.Created);
            json.WriteString("changed", match.Changed);
            json.WriteString("createdBy", match.CreatedBy);
            json.WriteString("changedBy", match.ChangedBy);
            json.WriteString("kind", match.Kind switch { MatchKind.Fragment => "fragment", MatchKind.Context => "context", _ => "segment" });
            if (match.Kind == MatchKind.Fragment)
            {
                WriteSpan(json, "sourceSpan", match.SourceSpan);
                WriteSpan(json, "targetSpan", match.TargetSpan);
                json.WriteString("fragmentTarget", match.FragmentTarget);
            }

            WriteSpan(json, "querySpan", match.QuerySpan);
            json.WriteBoolean("aligned", match.Aligned);
            FieldValues.Write(json, match.Fields);
            TermHits.Write(json, "forbiddenTerms", match.ForbiddenTerms);
            if (match.AdaptedTarget.Length > 0)
            {
                json.WriteString("adaptedTarget", match.AdaptedTarget);
                json.WriteStartArray("adaptations");
                foreach (var adaptation in match.Adaptations)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", adaptation.Kind);
                    json.WriteString("replaced", adaptation.Replaced);
                    json.WriteString("replacement", adaptation.Replacement);
                    WriteSpan(json, "targetSpan", adaptation.TargetSpan);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("penalties");
            foreach (var penalty in match.Penalties)
            {
                json.WriteStartObject();
                json.WriteString("reason", penalty.Reason);
                json.WriteNumber("points", penalty.Points);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unplacedNumbers");
            foreach (var number in match.UnplacedNumbers)
            {
                WriteSpan(json, null, number);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // A null name writes the span as an array element.
    private static void WriteSpan(System.Text.Json.Utf8JsonWriter json, string? name, TextSpan? span)
    {
        if (span is null)
        {
            return;
        }

        if (name is null)
        {
            json.WriteStartObject();
        }
        else
        {
            json.WriteStartObject(name);
        }

        json.WriteNumber("start", span.Start);
        json.WriteNumber("length", span.Length);
        json.WriteEndObject();
    }

    // The server's spans are UTF-16 offsets into the same strings; a span past the end (a server bug) shows the whole text.
    private static string Slice(string text, TextSpan span) =>
        span.Start >= 0 && span.Length >= 0 && span.Start + span.Length <= text.Length ? text.Substring(span.Start, span.Length) : text;
}
