using TM.Text;
using TM.Text.Adaptation;

namespace TM.Text.Tests.Adaptation;

/// <summary>One row of Adaptation/adaptation-cases.tsv; the file's header explains the columns.</summary>
internal sealed record AdaptationCase(int Line, string Direction, string Query, string Source, string Target, string Expected, int Unplaced)
{
    private static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Adaptation", "adaptation-cases.tsv");

    public string ExpectedTarget => Expected == "=" ? Target : Expected;

    public Language SourceLanguage => Direction switch
    {
        "ko-en" => Language.Korean,
        "en-ko" => Language.English,
        _ => throw new FormatException($"adaptation-cases.tsv line {Line}: direction must be ko-en or en-ko, not \"{Direction}\""),
    };

    public static IReadOnlyList<AdaptationCase> ReadAll()
    {
        var cases = new List<AdaptationCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 6 || !int.TryParse(columns[5], out var unplaced))
            {
                throw new FormatException($"adaptation-cases.tsv line {lineNumber}: expected 6 tab-separated columns ending in a count");
            }

            cases.Add(new AdaptationCase(lineNumber, columns[0], columns[1], columns[2], columns[3], columns[4], unplaced));
        }

        return cases;
    }

    /// <summary>Runs the case; null when it passes, otherwise what went wrong.</summary>
    public string? Check()
    {
        var result = TargetAdapter.Adapt(Query, Source, Target, SourceLanguage);
        var problems = new List<string>();
        if (result.AdaptedTarget != ExpectedTarget)
        {
            problems.Add($"adapted to \"{result.AdaptedTarget}\", expected \"{ExpectedTarget}\"");
        }

        if (result.Unplaced.Count != Unplaced)
        {
            problems.Add($"{result.Unplaced.Count} unplaced ({string.Join(", ", result.Unplaced)}), expected {Unplaced}");
        }

        if (result.Changed != (result.AdaptedTarget != Target))
        {
            problems.Add($"Changed is {result.Changed} for a target that {(result.AdaptedTarget == Target ? "did not change" : "changed")}");
        }

        // Each replacement must name the text it replaced and read back as the query's value in the adapted target.
        var targetLanguage = SourceLanguage == Language.Korean ? Language.English : Language.Korean;
        var adaptedKeys = NumberAnchorExtractor.Extract(result.AdaptedTarget, targetLanguage).Select(a => a.MatchKey).ToHashSet();
        foreach (var replacement in result.Replacements)
        {
            if (Target.Substring(replacement.Start, replacement.Length) != replacement.OriginalText)
            {
                problems.Add($"replacement {replacement} does not name the text at its span");
            }

            if (!adaptedKeys.Contains(new NumberAnchor(replacement.Kind, replacement.QueryValue).MatchKey))
            {
                problems.Add($"\"{replacement.ReplacementText}\" does not read back as {replacement.Kind} {replacement.QueryValue}");
            }
        }

        return problems.Count == 0 ? null : $"line {Line} ({Direction}): {string.Join("; ", problems)}";
    }
}
