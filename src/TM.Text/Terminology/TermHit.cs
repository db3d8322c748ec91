namespace TM.Text.Terminology;

/// <summary>A term found in a text by <see cref="TermRecognizer.Find"/>.</summary>
/// <param name="Start">UTF-16 offset of the term in the text as given.</param>
/// <param name="Length">UTF-16 length of the term as it appears: an English inflection is covered whole
/// ("negotiations"), a Korean particle is not (김일성 in 김일성은 is Start 0, Length 3), nor is an English possessive
/// 's; a multi-word term covers the space between its words.</param>
/// <param name="EntryId">The <see cref="TermForms.EntryId"/> of the entry whose form matched.</param>
/// <param name="Form">The form that matched, as written in the termbase.</param>
/// <param name="Forbidden">Whether that form is one of the entry's forbidden variants.</param>
public readonly record struct TermHit(int Start, int Length, long EntryId, string Form, bool Forbidden);
