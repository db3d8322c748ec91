using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// What one ImportFile acknowledgment means to a person watching: how far through the file the server is, how fast
/// it reads, and how long the rest should take. Rates and the estimate cover the current call only (its
/// <see cref="ImportProgress.UnitsRead"/> and <see cref="ImportProgress.BytesReceived"/>), so a resumed import is
/// not credited with what earlier calls did.
/// </summary>
/// <param name="Fraction">Bytes received over the announced total, 0..1; null when the total is unknown.</param>
/// <param name="UnitsPerSecond">Units read per second by this call; 0 before any time has passed.</param>
/// <param name="Remaining">Time left at the current byte rate; null when the total or the rate is unknown.</param>
internal readonly record struct ProgressFigures(double? Fraction, double UnitsPerSecond, TimeSpan? Remaining)
{
    /// <summary>The figures for <paramref name="progress"/>, <paramref name="elapsed"/> after the call started.</summary>
    public static ProgressFigures Of(ImportProgress progress, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var seconds = elapsed.TotalSeconds;
        var fraction = progress.TotalBytes > 0 ? Math.Clamp((double)progress.BytesReceived / progress.TotalBytes, 0, 1) : (double?)null;
        var unitsPerSecond = seconds > 0 ? progress.UnitsRead / seconds : 0;
        TimeSpan? remaining = null;
        if (fraction is not null && seconds > 0 && progress.BytesReceived > 0)
        {
            var bytesPerSecond = progress.BytesReceived / seconds;
            remaining = TimeSpan.FromSeconds(Math.Max(0, progress.TotalBytes - progress.BytesReceived) / bytesPerSecond);
        }

        return new ProgressFigures(fraction, unitsPerSecond, remaining);
    }
}
