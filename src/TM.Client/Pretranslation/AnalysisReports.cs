using TM.Protos.V1;

namespace TM.Client.Pretranslation;

/// <summary>The analysis of a batch of documents: the sum of their reports, band by band.</summary>
internal static class AnalysisReports
{
    /// <summary>
    /// One report for all of <paramref name="reports"/>: segments, words and characters added per band, percentages of
    /// the batch's totals. Repetitions are those within each document (the server analyses one document per call), so a
    /// sentence repeated across documents counts in each. The source language is the documents' when they share one.
    /// </summary>
    public static AnalysisReport Combine(IReadOnlyList<AnalysisReport> reports)
    {
        var languages = reports.Select(r => r.SourceLang).Distinct(StringComparer.Ordinal).ToList();
        var total = new AnalysisReport
        {
            Name = $"{reports.Count} documents",
            Memory = reports[0].Memory,
            SourceLang = languages.Count == 1 ? languages[0] : string.Join("+", languages),
            TotalSegments = reports.Sum(r => r.TotalSegments),
            TotalWords = reports.Sum(r => r.TotalWords),
            TotalCharacters = reports.Sum(r => r.TotalCharacters),
        };
        foreach (var band in BandNames.ReportOrder)
        {
            var rows = reports.SelectMany(r => r.Bands).Where(b => b.Band == band).ToList();
            var words = rows.Sum(b => b.Words);
            var characters = rows.Sum(b => b.Characters);
            total.Bands.Add(new BandCount
            {
                Band = band,
                Segments = rows.Sum(b => b.Segments),
                Words = words,
                Characters = characters,
                WordsPercent = Percent(words, total.TotalWords),
                CharactersPercent = Percent(characters, total.TotalCharacters),
            });
        }

        return total;
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
