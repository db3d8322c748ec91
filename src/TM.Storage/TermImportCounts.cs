namespace TM.Storage;

/// <summary>What <see cref="SegmentStore.AddTerms"/> did with the entries it was given.</summary>
/// <param name="Added">New entries stored.</param>
/// <param name="Updated">Entries whose Korean and English terms the termbase held already, merged into the stored entry
/// because they brought something it lacked (a variant, a forbidden form, a note, a part of speech, a source).</param>
/// <param name="Skipped">Entries the termbase held already with nothing new: left as they were.</param>
public sealed record TermImportCounts(int Added, int Updated, int Skipped);
