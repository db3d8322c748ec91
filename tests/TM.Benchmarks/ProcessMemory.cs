using System.Globalization;

namespace TM.Benchmarks;

/// <summary>
/// A process's resident memory as Linux reports it in <c>/proc/&lt;pid&gt;/status</c>: <c>VmRSS</c>, the pages in RAM
/// now, and <c>VmHWM</c>, the kernel's high-water mark of it.
/// </summary>
/// <remarks>
/// The kernel updates the high-water mark lazily (when mappings shrink, not on every page fault), so VmHWM can lag
/// behind a peak that sampling saw; the larger of the two is the best estimate of the true peak.
/// </remarks>
/// <param name="Rss">VmRSS in bytes.</param>
/// <param name="HighWaterMark">VmHWM in bytes.</param>
/// <param name="RssAnonymous">RssAnon in bytes: the heaps (managed and native); −1 when not reported.</param>
/// <param name="RssFile">RssFile in bytes: pages of mapped files in RAM (code, and the search index's memory-mapped files); −1 when not reported.</param>
internal readonly record struct ProcessMemory(long Rss, long HighWaterMark, long RssAnonymous = -1, long RssFile = -1)
{
    /// <summary>Reads the figures of process <paramref name="pid"/>; null when it has exited (or this is not Linux).</summary>
    public static ProcessMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        long rss = -1, hwm = -1, anonymous = -1, file = -1;
        foreach (var line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                hwm = Kilobytes(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                anonymous = Kilobytes(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                file = Kilobytes(line);
        }
        return rss < 0 || hwm < 0 ? null : new ProcessMemory(rss, hwm, anonymous, file);
    }

    // "VmRSS:\t  123456 kB": the kernel always reports these in kB (KiB).
    private static long Kilobytes(string line)
    {
        var value = line.AsSpan(line.IndexOf(':') + 1).Trim();
        if (value.EndsWith("kB", StringComparison.Ordinal))
            value = value[..^2].TrimEnd();
        return long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
    }
}
