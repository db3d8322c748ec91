namespace TM.Analysis;

/// <summary>
/// Says which units are variants of one another: a unit's family. The fuzzy scorer charges a fraction of a unit
/// for substituting a unit by another of its family (an inflection, another number) instead of a whole unit.
/// </summary>
/// <remarks>
/// Only units <see cref="MatchAnalyzer"/> makes are classified, by their text alone (the term dictionary of an index
/// is rebuilt from its terms without their token kinds): a unit that starts with an ASCII digit is a number (numbers
/// come out of <see cref="NumberNormalizationFilter"/> with ASCII digits), one made of ASCII letters, apostrophes and
/// hyphens, three to <see cref="EnglishWordFamily.MaximumLength"/> long, is an English word. Everything else, Korean
/// syllables included, is its own family: a Korean particle or ending is already a syllable of its own, so an
/// inflection costs what it changes.
/// </remarks>
public static class UnitFamily
{
    /// <summary>Room <see cref="Classify"/> needs in its destination beyond the unit's length.</summary>
    public const int Slack = EnglishWordFamily.Slack;

    /// <summary>
    /// Classifies <paramref name="unit"/> and, for a word, writes its family stem into <paramref name="destination"/>
    /// (which needs <paramref name="unit"/>.Length + <see cref="Slack"/> characters).
    /// </summary>
    /// <param name="unit">A unit as <see cref="MatchAnalyzer"/> produces it (lower-cased, normalized).</param>
    /// <param name="destination">Receives the stem of a word.</param>
    /// <param name="stemLength">The stem's length for a word; 0 otherwise.</param>
    /// <returns>The unit's kind of family.</returns>
    public static UnitFamilyKind Classify(ReadOnlySpan<char> unit, Span<char> destination, out int stemLength)
    {
        stemLength = 0;
        if (unit.IsEmpty)
        {
            return UnitFamilyKind.None;
        }

        if (char.IsAsciiDigit(unit[0]))
        {
            return UnitFamilyKind.Number;
        }

        if (unit.Length < 3 || unit.Length > EnglishWordFamily.MaximumLength || !IsEnglishWord(unit))
        {
            return UnitFamilyKind.None;
        }

        stemLength = EnglishWordFamily.Stem(unit, destination, out _);
        return UnitFamilyKind.Word;
    }

    private static bool IsEnglishWord(ReadOnlySpan<char> unit)
    {
        foreach (char c in unit)
        {
            if (!char.IsAsciiLetter(c) && c is not '\'' and not '-')
            {
                return false;
            }
        }

        return true;
    }
}
