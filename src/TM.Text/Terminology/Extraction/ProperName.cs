namespace TM.Text.Terminology.Extraction;

/// <summary>Whether an English candidate is written as a proper name: every word capitalised but "of", "and" and "the".</summary>
internal static class ProperName
{
    /// <summary>
    /// True for "Heungnam", "National Assembly", "Declaration of the Sixteen"; false for "article argues" and for a
    /// lowercase word. A capital that only starts a sentence (<paramref name="sentenceInitial"/>) proves nothing: a single
    /// word there is no name, and a longer phrase needs another capitalised word.
    /// </summary>
    public static bool Is(ReadOnlySpan<char> surface, bool sentenceInitial)
    {
        var capitalised = 0;
        var first = true;
        foreach (var range in surface.Split(' '))
        {
            var word = surface[range];
            var countable = !(first && sentenceInitial);
            first = false;
            if (word.IsEmpty || word is "of" or "and" or "the")
            {
                continue;
            }

            if (!char.IsUpper(word[0]))
            {
                return false;
            }

            capitalised += countable ? 1 : 0;
        }

        return capitalised > 0;
    }
}
