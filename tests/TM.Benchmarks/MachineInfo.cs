using System.Runtime;
using System.Runtime.InteropServices;

namespace TM.Benchmarks;

/// <summary>What a reader needs to compare two reports: the machine, the runtime, the build, the date.</summary>
internal static class MachineInfo
{
    public static IReadOnlyList<(string Name, string Value)> Describe() =>
    [
        ("Date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
        ("OS", RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture),
        ("CPU", CpuModel() ?? "unknown"),
        ("Logical cores", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        (".NET", RuntimeInformation.FrameworkDescription),
        ("GC", (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")),
        ("Build", IsReleaseBuild ? "Release" : "DEBUG — numbers are not representative"),
        ("Load average (1, 5, 15 min) at start", LoadAverage() ?? "unknown"),
    ];

#if DEBUG
    public const bool IsReleaseBuild = false;
#else
    public const bool IsReleaseBuild = true;
#endif

    // Other processes competing for the cores inflate every latency here; the load average says how much to distrust a run.
    public static string? LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(", ", File.ReadAllText(loadAverage).Split(' ').Take(3)) : null;
    }

    /// <summary>The 1-minute load average now; null where the OS does not say (not Linux).</summary>
    public static double? OneMinuteLoad() =>
        LoadAverage() is { } text && double.TryParse(text.Split(',')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;

    private static string? CpuModel()
    {
        // Linux only; elsewhere the core count and OS line have to do.
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
            return null;
        foreach (var line in File.ReadLines(cpuInfo))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                return line[(colon + 1)..].Trim();
        }
        return null;
    }
}
