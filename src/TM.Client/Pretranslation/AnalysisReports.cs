using TM.Protos.V1;

namespace TM.Client.Pretranslation;

/// <summary>The analysis of a batch of documents: the sum of their reports, band by band, with cross-file repetitions.</summary>
internal static class AnalysisReports
{
    /// <summary>
    /// One report for all of <paramref name="reports"/>: segments, words and characters added per band, less what
    /// <paramref name="repetitions"/> found to have occurred in an earlier document, which is the
    /// <see cref="AnalysisBand.CrossFileRepetition"/> row (present even when zero); percentages of the batch's totals,
    /// which do not change. Repetitions within a document stay where its report counted them. The source language is
    /// the documents' when they share one.
    /// </summary>
    public static AnalysisReport Combine(IReadOnlyList<AnalysisReport> reports, CrossFileRepetitions repetitions)
    {
        ArgumentNullException.ThrowIfNull(repetitions);
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
            var moved = band == AnalysisBand.CrossFileRepetition ? repetitions.Total() : repetitions.MovedFrom(band);
            var sign = band == AnalysisBand.CrossFileRepetition ? 1 : -1;
            total.Bands.Add(new BandCount
            {
                Band = band,
                Segments = rows.Sum(b => b.Segments) + sign * moved.Segments,
                Words = rows.Sum(b => b.Words) + sign * moved.Words,
                Characters = rows.Sum(b => b.Characters) + sign * moved.Characters,
            });
        }

        foreach (var count in total.Bands)
        {
            count.WordsPercent = Percent(count.Words, total.TotalWords);
            count.CharactersPercent = Percent(count.Characters, total.TotalCharacters);
        }

        return total;
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}
