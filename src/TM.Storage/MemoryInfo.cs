namespace TM.Storage;

/// <summary>A memory's identity.</summary>
/// <param name="Id">Row id of the memory.</param>
/// <param name="Name">Its name; the default memory is called <see cref="SegmentStore.DefaultMemoryName"/>.</param>
public sealed record MemoryInfo(long Id, string Name);
