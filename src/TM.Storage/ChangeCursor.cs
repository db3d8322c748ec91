namespace TM.Storage;

/// <summary>
/// A position in the store's change log (<see cref="SegmentStore.ReadChanges"/>): changes are ordered by the number of
/// the transaction that made them, then by segment id, and a cursor stands after the change it names.
/// </summary>
/// <param name="Sequence">The change sequence of the last change read; -1 before the first (rows written before the log existed have 0).</param>
/// <param name="SegmentId">The segment id of the last change read within <paramref name="Sequence"/>; 0 before the first.</param>
public readonly record struct ChangeCursor(long Sequence, long SegmentId)
{
    /// <summary>Before every change: reading from here reads every segment the store holds.</summary>
    public static ChangeCursor Start { get; } = new(-1, 0);

    /// <summary>After every change of the transactions numbered up to <paramref name="sequence"/>.</summary>
    public static ChangeCursor After(long sequence) => new(sequence, long.MaxValue);
}
