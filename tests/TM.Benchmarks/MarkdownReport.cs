using System.Text;

namespace TM.Benchmarks;

/// <summary>
/// A benchmark's results as one markdown document — machine description, tables, notes — printed to
/// stdout with padded columns (readable in a terminal) and saved as results/&lt;command&gt;.md.
/// </summary>
internal sealed class MarkdownReport
{
    private readonly string _fileName;
    private readonly StringBuilder _text = new();

    /// <param name="fileName">The report's file name in results/, without extension: the command, plus what sets a run apart from the default one.</param>
    /// <param name="title">The report's heading.</param>
    public MarkdownReport(string fileName, string title)
    {
        _fileName = fileName;
        _text.Append("# ").AppendLine(title).AppendLine();
        _text.Append("Command: `dotnet run -c Release --project tests/TM.Benchmarks -- ").Append(string.Join(' ', Environment.GetCommandLineArgs().Skip(1))).AppendLine("`").AppendLine();
        Table(["Machine", "Value"], MachineInfo.Describe().Select(item => new[] { item.Name, item.Value }));
    }

    public void Heading(string text) => _text.Append("## ").AppendLine(text).AppendLine();

    public void Paragraph(string text) => _text.AppendLine(text).AppendLine();

    /// <summary>Adds a table; columns whose cells all look numeric are right-aligned.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var body = rows.ToList();
        var widths = new int[headers.Count];
        var numeric = new bool[headers.Count];
        for (var column = 0; column < headers.Count; column++)
        {
            widths[column] = Math.Max(3, headers[column].Length);
            numeric[column] = body.Count > 0;
            foreach (var row in body)
            {
                var cell = column < row.Count ? row[column] : "";
                widths[column] = Math.Max(widths[column], cell.Length);
                numeric[column] &= cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell[0] is '—' or '-' or '+');
            }
        }

        AppendRow(headers, widths, numeric);
        _text.Append('|');
        for (var column = 0; column < headers.Count; column++)
            _text.Append(numeric[column] ? new string('-', widths[column] + 1) + ":|" : " " + new string('-', widths[column]) + " |");
        _text.AppendLine();
        foreach (var row in body)
            AppendRow(row, widths, numeric);
        _text.AppendLine();
    }

    /// <summary>Prints the report and writes it to <see cref="RepositoryPaths.Results"/>; returns the file's path.</summary>
    public string Publish()
    {
        var text = _text.ToString().TrimEnd() + "\n";
        Console.Out.Write(text);
        Directory.CreateDirectory(RepositoryPaths.Results);
        var path = Path.Combine(RepositoryPaths.Results, _fileName + ".md");
        File.WriteAllText(path, text);
        Console.Error.WriteLine($"Wrote {path}");
        return path;
    }

    private void AppendRow(IReadOnlyList<string> cells, int[] widths, bool[] numeric)
    {
        _text.Append('|');
        for (var column = 0; column < widths.Length; column++)
        {
            var cell = column < cells.Count ? cells[column] : "";
            _text.Append(' ').Append(numeric[column] ? cell.PadLeft(widths[column]) : cell.PadRight(widths[column])).Append(" |");
        }
        _text.AppendLine();
    }
}
