using System.Globalization;

namespace TM.Interchange;

/// <summary>
/// What a termbase reader (<see cref="TbxReader"/>, <see cref="TermCsvReader"/>) did with the entries of a file.
/// Updated as the reader goes, so it is complete once the entries have been enumerated to the end.
/// </summary>
public sealed class TermbaseReadStatistics
{
    /// <summary>The entries returned.</summary>
    public int EntriesRead { get; private set; }

    /// <summary>The entries left out because they hold no Korean and no English term (a French–German entry, or
    /// one with only a note).</summary>
    public int EntriesWithoutTerms { get; private set; }

    /// <summary>The language sections in languages other than Korean and English, ignored (TBX only).</summary>
    public int OtherLanguageSections { get; private set; }

    /// <summary>A one-line summary such as "1,200 entries read; 3 without Korean or English terms; 40 sections in other languages ignored".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{EntriesRead:N0} entries read; {EntriesWithoutTerms:N0} without Korean or English terms; {OtherLanguageSections:N0} sections in other languages ignored");

    internal void CountRead() => EntriesRead++;

    internal void CountWithoutTerms() => EntriesWithoutTerms++;

    internal void CountOtherLanguage() => OtherLanguageSections++;
}
