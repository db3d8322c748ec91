using TM.Protos.V1;

namespace TM.Client.Pretranslation;

/// <summary>How the analysis bands are named and ordered in reports, as Trados and memoQ print them.</summary>
internal static class BandNames
{
    /// <summary>
    /// The report's rows, top to bottom: the cheapest work first, as CAT tools order them. Cross-file repetitions are a
    /// row of a batch's total only (<c>AnalysisReports.Combine</c> in the client); a document's report has none.
    /// </summary>
    public static IReadOnlyList<AnalysisBand> ReportOrder { get; } =
    [
        AnalysisBand.Context,
        AnalysisBand.Repetition,
        AnalysisBand.CrossFileRepetition,
        AnalysisBand.Exact,
        AnalysisBand.Fuzzy9599,
        AnalysisBand.Fuzzy8594,
        AnalysisBand.Fuzzy7584,
        AnalysisBand.Fuzzy5074,
        AnalysisBand.NoMatch,
    ];

    /// <summary>The row label: <c>Context match</c>, <c>Repetitions</c>, <c>Cross-file repetitions</c>, <c>100%</c>, <c>95-99%</c>… <c>No match</c>.</summary>
    public static string Label(AnalysisBand band) => band switch
    {
        AnalysisBand.Context => "Context match",
        AnalysisBand.Repetition => "Repetitions",
        AnalysisBand.CrossFileRepetition => "Cross-file repetitions",
        AnalysisBand.Exact => "100%",
        AnalysisBand.Fuzzy9599 => "95-99%",
        AnalysisBand.Fuzzy8594 => "85-94%",
        AnalysisBand.Fuzzy7584 => "75-84%",
        AnalysisBand.Fuzzy5074 => "50-74%",
        _ => "No match",
    };

    /// <summary>The name in JSON and XLIFF metadata: <c>context</c>, <c>repetition</c>, <c>cross_file_repetition</c>, <c>exact</c>, <c>fuzzy_95_99</c>… <c>no_match</c>.</summary>
    public static string Key(AnalysisBand band) => band switch
    {
        AnalysisBand.Context => "context",
        AnalysisBand.Repetition => "repetition",
        AnalysisBand.CrossFileRepetition => "cross_file_repetition",
        AnalysisBand.Exact => "exact",
        AnalysisBand.Fuzzy9599 => "fuzzy_95_99",
        AnalysisBand.Fuzzy8594 => "fuzzy_85_94",
        AnalysisBand.Fuzzy7584 => "fuzzy_75_84",
        AnalysisBand.Fuzzy5074 => "fuzzy_50_74",
        _ => "no_match",
    };
}
