namespace TM.Benchmarks;

/// <summary>One translated message of a gettext catalog.</summary>
/// <param name="Context">The <c>msgctxt</c>, or null when the entry has none.</param>
/// <param name="Id">The <c>msgid</c>: the source text (English in LibreOffice's catalogs).</param>
/// <param name="IdPlural">The <c>msgid_plural</c>, or null when the entry has no plural forms.</param>
/// <param name="Translations">The <c>msgstr</c>, or <c>msgstr[0]</c>, <c>msgstr[1]</c>… of a plural entry; never empty.</param>
/// <param name="Line">The line of the entry's <c>msgid</c>, for messages.</param>
internal sealed record PoEntry(string? Context, string Id, string? IdPlural, IReadOnlyList<string> Translations, int Line);
