using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>What an import of one file through ImportFile came to, however many calls it took.</summary>
internal sealed class FileImportOutcome
{
    /// <summary>How it ended.</summary>
    public required FileImportStatus Status { get; init; }

    /// <summary>The server's last acknowledgment: the final one when <see cref="Status"/> is completed; null when none arrived.</summary>
    public ImportProgress? Last { get; init; }

    /// <summary>The import's id: from the acknowledgments, else the one <c>--resume</c> named; 0 when unknown.</summary>
    public long ImportId { get; init; }

    /// <summary>Why the last call failed; null when the import completed or was cancelled before the server answered.</summary>
    public RpcException? Error { get; init; }

    /// <summary>From the first byte sent to the end, retries and their waits included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Calls of ImportFile made (1 without retries).</summary>
    public int Calls { get; init; }

    /// <summary>Units the import had committed before this run (a <c>--resume</c>); they are not counted in <see cref="UnitsPerSecond"/>.</summary>
    public long UnitsCommittedBefore { get; init; }

    /// <summary>Units this run committed per second of <see cref="Elapsed"/>.</summary>
    public double UnitsPerSecond => Last is null || Elapsed <= TimeSpan.Zero
        ? 0
        : Math.Max(0, Last.UnitsCommitted - UnitsCommittedBefore) / Elapsed.TotalSeconds;

    /// <summary>True when the import can be carried on with <c>--resume</c>.</summary>
    public bool Resumable => Status is FileImportStatus.Interrupted or FileImportStatus.Cancelled && ImportId > 0;
}
