namespace TM.Text.Terminology.Extraction;

/// <summary>
/// The spellings of one English candidate in the memory ("prisoners of war", "Prisoners of war"), to propose the one
/// the memory writes most: a spelling counts first where it does not start a sentence, since a capital there says
/// nothing about the term.
/// </summary>
internal sealed class EnglishSpellings
{
    private readonly Dictionary<string, (int Inside, int All)> forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Inside, int All)>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public EnglishSpellings() => lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(ReadOnlySpan<char> spelling, bool sentenceInitial)
    {
        var (inside, all) = lookup.TryGetValue(spelling, out var counts) ? counts : default;
        lookup[spelling] = (inside + (sentenceInitial ? 0 : 1), all + 1);
    }

    /// <summary>The most frequent spelling inside sentences, then overall, then the first in ordinal order.</summary>
    public string Best()
    {
        string? best = null;
        var bestCounts = (Inside: -1, All: -1);
        foreach (var (form, counts) in forms)
        {
            if (counts.Inside > bestCounts.Inside || (counts.Inside == bestCounts.Inside
                && (counts.All > bestCounts.All || (counts.All == bestCounts.All && string.CompareOrdinal(form, best) < 0))))
            {
                best = form;
                bestCounts = counts;
            }
        }

        return best ?? "";
    }
}
