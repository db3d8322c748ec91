using TM.Interchange;
using TM.Server.Memory;
using TM.Server.Services;
using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>
/// Reads a TMX stream with <see cref="TmxReader"/> and commits its units in batches of <see cref="BatchSize"/>,
/// each one transaction through the catalog (so the index follows every commit). Synchronous by design: the
/// reader is, so <see cref="Run"/> belongs on a dedicated thread fed by a pipe. The counters stay readable after
/// a failure, which is how the caller reports what was committed before the error.
/// </summary>
internal sealed class TmxImporter(TranslationMemoryCatalog catalog, string memory, string fileName)
{
    /// <summary>Units per transaction: big enough that commits (and their fsync) are rare, small enough that a batch is a few MB.</summary>
    public const int BatchSize = 5_000;

    public ReadStatistics? Statistics { get; private set; }

    public int PairsStored { get; private set; }

    public int PairsSkippedDuplicate { get; private set; }

    public int BatchesCommitted { get; private set; }

    public void Run(Stream input, CancellationToken cancellationToken)
    {
        // The server's own sentence limit, so an oversized segment fails with its line instead of at commit.
        var options = TmxReadOptions.Default with { MaxSegmentLength = RequestLimits.MaxSentenceLength };
        using var reader = new TmxReader(input, fileName, options);
        Statistics = reader.Statistics;
        var batch = new List<SegmentInput>(BatchSize);
        foreach (var unit in reader.ReadUnits(cancellationToken))
        {
            batch.Add(TmxSegmentMapper.ToInput(unit, fileName));
            if (batch.Count == BatchSize)
            {
                Commit(batch, cancellationToken);
                batch = new List<SegmentInput>(BatchSize);
            }
        }
        if (batch.Count > 0)
            Commit(batch, cancellationToken);
    }

    private void Commit(List<SegmentInput> batch, CancellationToken cancellationToken)
    {
        // Blocking is fine here: this runs on its own thread, never on a request thread.
        var outcome = catalog.ImportAsync(memory, ImportKind.Tmx, fileName, batch, cancellationToken).GetAwaiter().GetResult();
        PairsStored += outcome.Added.Count;
        PairsSkippedDuplicate += outcome.SkippedDuplicates;
        BatchesCommitted++;
    }
}
