namespace TM.Text.Terminology;

/// <summary>
/// One termbase entry's forms, as <see cref="TermRecognizer"/> needs them. <see cref="Korean"/>[0] and
/// <see cref="English"/>[0] are the approved terms, the rest allowed variants; either list may be empty, since an
/// entry can be one-sided. <see cref="ForbiddenKorean"/> and <see cref="ForbiddenEnglish"/> are variants that must
/// not be used; they are recognized like the others and reported as <see cref="TermHit.Forbidden"/>.
/// </summary>
/// <param name="EntryId">The entry's id in its termbase, reported with every hit of one of its forms.</param>
/// <param name="Korean">Approved Korean term first, then allowed variants. Spaces separate the words of a multi-word
/// term (판문점 선언); blank forms are ignored.</param>
/// <param name="English">Approved English term first, then allowed variants; blank forms are ignored.</param>
/// <param name="ForbiddenKorean">Korean variants that must not be used.</param>
/// <param name="ForbiddenEnglish">English variants that must not be used ("Staline" for Stalin).</param>
public sealed record TermForms(
    long EntryId,
    IReadOnlyList<string> Korean,
    IReadOnlyList<string> English,
    IReadOnlyList<string> ForbiddenKorean,
    IReadOnlyList<string> ForbiddenEnglish);
