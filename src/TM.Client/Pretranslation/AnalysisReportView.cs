using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Pretranslation;

/// <summary>Prints an <see cref="AnalysisReport"/> as the table translators know from Trados and memoQ, or as JSON.</summary>
internal static class AnalysisReportView
{
    /// <summary>
    /// A heading line and one row per band in <see cref="BandNames.ReportOrder"/> (bands the report leaves out count
    /// zero; the cross-file repetitions only when the report has them, as a batch's total does), then the total. The percentage is of words for an English source and of characters for a Korean one:
    /// the unit each side's translation is paid by.
    /// </summary>
    public static void Write(CliContext context, AnalysisReport report)
    {
        var korean = report.SourceLang == "ko";
        context.WriteLine(Markup.Escape(
            $"Analysis of {(report.Name.Length == 0 ? "the document" : report.Name)} against {(report.Memory.Length == 0 ? "the default memory" : "memory " + report.Memory)} " +
            $"(source {report.SourceLang}): {Counted.Of(report.TotalSegments, "segment")}, {Counted.Of(report.TotalWords, "word")}, {Counted.Of(report.TotalCharacters, "character")}"));
        var table = context.CreateTable();
        table.AddColumn(new TableColumn("Match"));
        table.AddColumn(new TableColumn("Segments") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Words") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Characters") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn(korean ? "% characters" : "% words") { Alignment = Justify.Right });
        foreach (var band in Rows(report))
        {
            var count = Find(report, band);
            table.AddRow(
                BandNames.Label(band),
                Quantities.Count(count.Segments),
                Quantities.Count(count.Words),
                Quantities.Count(count.Characters),
                Share(korean ? count.CharactersPercent : count.WordsPercent));
        }

        table.AddRow("[bold]Total[/]", Quantities.Count(report.TotalSegments), Quantities.Count(report.TotalWords), Quantities.Count(report.TotalCharacters), Share(report.TotalSegments == 0 ? 0 : 100));
        context.WriteTable(table);
    }

    /// <summary>The report as one JSON object under the writer's current property, bands in report order.</summary>
    public static void WriteJson(Utf8JsonWriter json, AnalysisReport report)
    {
        json.WriteStartObject();
        json.WriteString("name", report.Name);
        json.WriteString("memory", report.Memory);
        json.WriteString("sourceLang", report.SourceLang);
        json.WriteStartArray("bands");
        foreach (var band in Rows(report))
        {
            var count = Find(report, band);
            json.WriteStartObject();
            json.WriteString("band", BandNames.Key(band));
            json.WriteNumber("segments", count.Segments);
            json.WriteNumber("words", count.Words);
            json.WriteNumber("characters", count.Characters);
            json.WriteNumber("wordsPercent", Math.Round(count.WordsPercent, 2));
            json.WriteNumber("charactersPercent", Math.Round(count.CharactersPercent, 2));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("totalSegments", report.TotalSegments);
        json.WriteNumber("totalWords", report.TotalWords);
        json.WriteNumber("totalCharacters", report.TotalCharacters);
        json.WriteEndObject();
    }

    // Every band in report order, the cross-file repetitions only in a batch's total: a document's own table stays as
    // the server reports it.
    private static IEnumerable<AnalysisBand> Rows(AnalysisReport report) =>
        BandNames.ReportOrder.Where(band => band != AnalysisBand.CrossFileRepetition || report.Bands.Any(b => b.Band == band));

    private static BandCount Find(AnalysisReport report, AnalysisBand band) =>
        report.Bands.FirstOrDefault(b => b.Band == band) ?? new BandCount { Band = band };

    private static string Share(double percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
