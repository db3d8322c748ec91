using System.Globalization;
using System.Text.RegularExpressions;

namespace TM.Server.Tests.Hosting.Telemetry;

/// <summary>One page of Prometheus text format, as samples: a name, its labels and a value.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<Sample> _samples;

    private PrometheusScrape(List<Sample> samples, string text)
    {
        _samples = samples;
        Text = text;
    }

    /// <summary>The page as served.</summary>
    public string Text { get; }

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
                labels[label.Groups["key"].Value] = label.Groups["value"].Value;
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                var number => double.Parse(number, CultureInfo.InvariantCulture),
            };
            samples.Add(new Sample(match.Groups["name"].Value, labels, value));
        }
        return new PrometheusScrape(samples, text);
    }

    /// <summary>The samples called <paramref name="name"/> whose labels include every one given (<c>"key=value"</c>).</summary>
    public IReadOnlyList<Sample> All(string name, params string[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l[..l.IndexOf('=')], out var v) && v == l[(l.IndexOf('=') + 1)..])).ToList();

    /// <summary>The value of the one sample called <paramref name="name"/> with these labels; 0 when there is none (a counter not moved yet).</summary>
    public double Value(string name, params string[] labels)
    {
        var found = All(name, labels);
        Assert.True(found.Count <= 1, $"{found.Count} samples of {name} {string.Join(',', labels)}");
        return found.Count == 0 ? 0 : found[0].Value;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
