namespace TM.Benchmarks;

/// <summary>What <see cref="PoCatalogReader"/> found in one <c>.po</c> file: the translated entries and what it left out.</summary>
/// <param name="Name">The file's name, for messages and as the pairs' origin.</param>
/// <param name="Entries">The translated entries, in file order.</param>
/// <param name="SkippedFuzzy">Entries flagged <c>#, fuzzy</c>: a translator's unchecked guess.</param>
/// <param name="SkippedUntranslated">Entries whose <c>msgstr</c> (or <c>msgstr[0]</c>) is empty.</param>
/// <param name="SkippedObsolete">Entries commented out with <c>#~</c>.</param>
/// <param name="HasHeader">Whether the catalog had its header entry (empty <c>msgid</c>), which is metadata, not a message.</param>
internal sealed record PoCatalog(string Name, IReadOnlyList<PoEntry> Entries, int SkippedFuzzy, int SkippedUntranslated, int SkippedObsolete, bool HasHeader);
