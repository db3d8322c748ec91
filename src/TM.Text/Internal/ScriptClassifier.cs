namespace TM.Text.Internal;

/// <summary>Decides the language of a line from its letters; digits, punctuation and Hanja do not vote.</summary>
internal static class ScriptClassifier
{
    // One Hangul syllable carries about as much text as 2.5 to 3 Latin letters (see LengthRatioModel), so a
    // syllable weighs 3 letters. A Korean sentence with an English gloss stays Korean ("한국전쟁(Korean War)은 …"),
    // an English sentence quoting a Korean term stays English.
    private const int HangulWeight = 3;

    /// <summary>Returns the language of the line, or null when it has no letters of either script (or a tie).</summary>
    public static Language? Classify(ReadOnlySpan<char> line)
    {
        var hangul = 0;
        var latin = 0;
        foreach (var c in line)
        {
            if (Chars.IsHangul(c))
            {
                hangul++;
            }
            else if (Chars.IsLatinLetter(c))
            {
                latin++;
            }
        }

        var korean = hangul * HangulWeight;
        if (korean > latin)
        {
            return Language.Korean;
        }

        return latin > korean ? Language.English : null;
    }
}
