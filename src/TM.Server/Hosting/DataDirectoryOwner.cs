using System.Globalization;
using System.Text.Json;

namespace TM.Server.Hosting;

/// <summary>The server holding a data directory's lock, as it describes itself in <c>tm.lock.json</c>.</summary>
/// <param name="ProcessId">Its process id.</param>
/// <param name="Addresses">Where it listens; empty while it starts.</param>
/// <param name="Started">When it took the lock.</param>
internal sealed record DataDirectoryOwner(int ProcessId, string[] Addresses, DateTimeOffset Started)
{
    /// <summary>camelCase, indented: a file people read.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The owner described in <paramref name="path"/>; null when there is no such file or it cannot be read.</summary>
    public static DataDirectoryOwner? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<DataDirectoryOwner>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary><c>process 1234, listening on http://127.0.0.1:5171, since 2026-12-07 03:15:02Z</c>.</summary>
    public override string ToString() =>
        $"process {ProcessId.ToString(CultureInfo.InvariantCulture)}, "
        + (Addresses.Length == 0 ? "still starting" : $"listening on {string.Join(" and ", Addresses)}")
        + $", since {Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
