namespace TM.Client.Output;

/// <summary>
/// One comparison unit of a sentence: a Hangul syllable, a CJK character, a Latin word or number, or one
/// punctuation mark. <see cref="GapStart"/> is where the whitespace before the unit begins, so a diff can be
/// shown with the sentence's own spacing while whitespace itself never counts as a difference.
/// </summary>
internal readonly record struct DiffUnit(int GapStart, int Start, int Length)
{
    /// <summary>The unit's text inside <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);

    /// <summary>The whitespace before the unit inside <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> GapOf(string text) => text.AsSpan(GapStart, Start - GapStart);
}
