namespace TM.Storage;

/// <summary>One committed import, as <see cref="SegmentStore.ListImports"/> reports it.</summary>
/// <param name="Id">The import's row id.</param>
/// <param name="Memory">The name of the memory it went to.</param>
/// <param name="Kind">How the pairs arrived: "document", "segments" or "tmx" (the stored text of <see cref="ImportKind"/>).</param>
/// <param name="Name">The document or file name given with the import.</param>
/// <param name="PairsStored">Pairs the import added.</param>
/// <param name="PairsSkipped">Pairs it skipped because the memory already held them.</param>
/// <param name="Created">When it was committed, in UTC.</param>
public sealed record ImportRecord(long Id, string Memory, string Kind, string Name, int PairsStored, int PairsSkipped, DateTimeOffset Created);
