using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TM.Client.Alignment;
using TM.Client.Input;
using TM.Client.Output;
using TM.Protos.V1;
using TM.Text;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm align &lt;file&gt; [--gold &lt;gold.jsonl&gt;]</c>: previews how the server would pair a document's sentences,
/// without storing anything; with a gold alignment, also scores the preview.
/// </summary>
internal sealed class AlignCommand : ServerCommand
{
    // Below this the aligner is guessing more than knowing; such beads are the ones a person should look at.
    private const double LowConfidence = 0.5;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private readonly Argument<string> _file = new("file")
    {
        Description = "A parallel document: a Korean block and an English block, in either order, UTF-8",
    };

    private readonly Option<string?> _gold = new("--gold")
    {
        Description = "Reference alignment (JSON Lines: {\"doc\", \"ko\": [...], \"en\": [...]} per bead) to score the preview against",
        HelpName = "gold.jsonl",
    };

    public AlignCommand(CliContext context, CommonOptions common)
        : base("align", "Previews the sentence alignment of a parallel document (stores nothing)", context, common, DefaultTimeout)
    {
        Add(_file);
        Add(_gold);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var path = parseResult.GetRequiredValue(_file);
        var goldPath = parseResult.GetValue(_gold);
        string text;
        IReadOnlyList<Bead>? gold = null;
        try
        {
            // Read both files before calling the server, so a typo in --gold costs no alignment run.
            text = DocumentFileReader.ReadAllText(path);
            if (goldPath is not null)
            {
                gold = GoldAlignmentFile.Load(goldPath, path);
            }
        }
        catch (InputFileException ex)
        {
            Context.WriteError(ex.Message);
            return ExitCodes.InputError;
        }

        var request = new AlignDocumentRequest
        {
            Memory = MemoryOf(parseResult),
            Name = Path.GetFileName(path),
            Text = text,
        };
        var response = await connection.TranslationMemory.AlignDocumentAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        var score = gold is null ? null : GoldAlignmentFile.Score(response.Pairs, gold);

        if (WantsJson(parseResult))
        {
            WriteJson(path, goldPath, response, score);
        }
        else
        {
            Render(response, goldPath, score);
        }

        return ExitCodes.Success;
    }

    private static string BeadType(AlignedPair pair) =>
        pair.KoSentenceCount.ToString(CultureInfo.InvariantCulture) + "-" + pair.EnSentenceCount.ToString(CultureInfo.InvariantCulture);

    private void Render(AlignDocumentResponse response, string? goldPath, AlignmentScore? score)
    {
        var ansi = Context.Ansi;
        if (response.Pairs.Count == 0)
        {
            Context.WriteLine("The aligner found no sentence pairs.");
        }
        else
        {
            var table = Context.CreateTable(rowSeparators: true);
            table.AddColumn(new TableColumn("#") { NoWrap = true, Alignment = Justify.Right });
            table.AddColumn(new TableColumn("Type") { NoWrap = true });
            table.AddColumn(new TableColumn("Korean"));
            table.AddColumn(new TableColumn("English"));
            table.AddColumn(new TableColumn("Conf.") { NoWrap = true, Alignment = Justify.Right });

            var number = 0;
            var low = 0;
            foreach (var pair in response.Pairs)
            {
                number++;
                var isLow = pair.Confidence < LowConfidence;
                low += isLow ? 1 : 0;
                var style = isLow ? "yellow" : pair.KoSentenceCount == 0 || pair.EnSentenceCount == 0 ? "dim" : null;
                table.AddRow(
                    Cell(number.ToString(CultureInfo.InvariantCulture), style),
                    Cell(BeadType(pair), style),
                    Side(pair.Ko, style),
                    Side(pair.En, style),
                    // Without colour, a trailing "?" still singles out the beads to check.
                    Cell(pair.Confidence.ToString("0.00", CultureInfo.InvariantCulture) + (isLow && !ansi ? "?" : ""), style));
            }

            var types = response.Pairs.GroupBy(BeadType).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} × {g.Key}");
            Context.WriteTable(table);
            Context.WriteLine(Markup.Escape($"{Counted.Of(response.Pairs.Count, "bead")}: {string.Join(", ", types)}; "
                + $"{low} below confidence {LowConfidence.ToString("0.0", CultureInfo.InvariantCulture)}")
                + (low > 0 && ansi ? " [yellow](highlighted)[/]" : low > 0 ? " (marked ?)" : ""));
        }

        if (response.DroppedLines.Count > 0 || response.LinesDropped > 0)
        {
            Context.WriteLine(Markup.Escape($"{Counted.Of(response.LinesDropped, "line")} dropped as noise before alignment:"));
            foreach (var line in response.DroppedLines)
            {
                Context.WriteLine("  [dim]dropped:[/] " + Markup.Escape(line));
            }
        }

        if (score is not null)
        {
            Context.WriteLine(Markup.Escape(
                $"Against {goldPath} ({Counted.Of(score.Gold, "gold bead")}): "
                + $"precision {score.Precision:0.000} ({score.Correct}/{score.Predicted}), "
                + $"recall {score.Recall:0.000} ({score.Correct}/{score.Gold}), F1 {score.F1:0.000}"));
        }
    }

    private static Markup Cell(string text, string? style) =>
        new(style is null ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]");

    private static Markup Side(string text, string? style) =>
        text.Length == 0 ? new Markup("[dim]—[/]") : Cell(text, style);

    private void WriteJson(string path, string? goldPath, AlignDocumentResponse response, AlignmentScore? score) =>
        WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteStartArray("beads");
            var number = 0;
            foreach (var pair in response.Pairs)
            {
                json.WriteStartObject();
                json.WriteNumber("index", ++number);
                json.WriteString("type", BeadType(pair));
                json.WriteString("ko", pair.Ko);
                json.WriteString("en", pair.En);
                json.WriteNumber("confidence", pair.Confidence);
                json.WriteNumber("koSentenceCount", pair.KoSentenceCount);
                json.WriteNumber("enSentenceCount", pair.EnSentenceCount);
                json.WriteBoolean("lowConfidence", pair.Confidence < LowConfidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("linesDropped", response.LinesDropped);
            JsonOutput.WriteStrings(json, "droppedLines", response.DroppedLines);
            if (score is not null)
            {
                json.WriteStartObject("gold");
                json.WriteString("file", goldPath);
                json.WriteNumber("precision", score.Precision);
                json.WriteNumber("recall", score.Recall);
                json.WriteNumber("f1", score.F1);
                json.WriteNumber("correct", score.Correct);
                json.WriteNumber("predicted", score.Predicted);
                json.WriteNumber("gold", score.Gold);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
}
