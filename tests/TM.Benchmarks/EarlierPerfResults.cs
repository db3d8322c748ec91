namespace TM.Benchmarks;

/// <summary>
/// The SQLite figures of an earlier <c>perf --segments N</c> run, read back from its report
/// (<c>results/perf-N.md</c>): its date and the rows of its summary table, for <c>perf --store postgres --sqlite 0</c>,
/// which does not spend the time to measure SQLite again.
/// </summary>
/// <param name="Path">The report read.</param>
/// <param name="Date">Its "Date (UTC)" row: when those figures were measured.</param>
/// <param name="LoadAverage">Its load average at the start, which says how busy the machine was then.</param>
/// <param name="SummaryRows">The cells of its summary table: figure, measured, bar, met.</param>
internal sealed record EarlierPerfResults(string Path, string Date, string LoadAverage, IReadOnlyList<string[]> SummaryRows)
{
    private const string SummaryHeading = "## Summary";

    /// <summary>Reads <c>results/perf-<paramref name="segments"/>.md</c>; null when there is none.</summary>
    public static EarlierPerfResults? Read(int segments)
    {
        var path = System.IO.Path.Combine(RepositoryPaths.Results, $"perf-{segments}.md");
        if (!File.Exists(path))
            return null;
        var lines = File.ReadAllLines(path);
        var rows = lines.SkipWhile(line => line != SummaryHeading).Skip(1).SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|')).Skip(2).Select(Cells).ToList();
        return new EarlierPerfResults(path, MachineValue(lines, "Date (UTC)"), MachineValue(lines, "Load average"), rows);
    }

    private static string MachineValue(string[] lines, string name) =>
        lines.Where(line => line.StartsWith('|')).Select(Cells).FirstOrDefault(cells => cells.Length > 1 && cells[0].StartsWith(name, StringComparison.Ordinal))?[1] ?? "unknown";

    private static string[] Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];
}
