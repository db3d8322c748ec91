using System.Globalization;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// Saves and loads a query set as tab-separated lines — language, category, source index, text — so that a cached
/// TMX file comes with the queries made from the same corpus without generating the corpus again.
/// </summary>
internal static class QueryFile
{
    public static void Write(string path, IEnumerable<BenchmarkQuery> queries)
    {
        var partial = path + ".partial";
        using (var writer = new StreamWriter(partial))
        {
            foreach (var query in queries)
            {
                if (query.Text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
                    throw new ArgumentException($"Query text holds a tab or line break: '{query.Text}'.", nameof(queries));
                writer.Write(query.Language);
                writer.Write('\t');
                writer.Write(query.Category);
                writer.Write('\t');
                writer.Write(query.SourceIndex.ToString(CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.WriteLine(query.Text);
            }
        }
        File.Move(partial, path, overwrite: true);
    }

    public static List<BenchmarkQuery> Read(string path)
    {
        var queries = new List<BenchmarkQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var fields = line.Split('\t');
            if (fields.Length != 4 || fields[0] is not ("ko" or "en") || !int.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var source))
                throw new InvalidDataException($"{path}, line {lineNumber}: expected 'ko|en<TAB>category<TAB>index<TAB>text'; delete the file to have it made again.");
            queries.Add(new BenchmarkQuery(fields[0] == "ko" ? SegmentSide.Korean : SegmentSide.English, fields[3], fields[1], source));
        }
        return queries;
    }
}
