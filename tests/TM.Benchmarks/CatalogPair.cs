namespace TM.Benchmarks;

/// <summary>One English-Korean pair taken from a gettext catalog.</summary>
/// <param name="English">The <c>msgid</c> (or <c>msgid_plural</c>).</param>
/// <param name="Korean">Its <c>msgstr</c>.</param>
/// <param name="Catalog">The catalog it came from (e.g. <c>sw</c>, Writer's UI), stored as the pair's origin.</param>
internal sealed record CatalogPair(string English, string Korean, string Catalog);
