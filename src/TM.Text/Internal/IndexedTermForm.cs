namespace TM.Text.Internal;

/// <summary>One form of a termbase entry, as the term indexes hold it.</summary>
/// <param name="EntryId">The entry's id.</param>
/// <param name="Form">The form as written in the termbase.</param>
/// <param name="Forbidden">Whether the form is a forbidden variant.</param>
/// <param name="Rank">Order of the form in the termbase (entries in order, approved term first, forbidden variants
/// last); where two forms cover the same span, the lower rank wins.</param>
internal sealed record IndexedTermForm(long EntryId, string Form, bool Forbidden, int Rank);
