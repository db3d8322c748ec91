namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Competitive linking (Melamed, "Models of Translational Equivalence among Words", 2000) within one pair, over phrases:
/// the possible links of a pair are taken best first, and a link is made only when neither its Korean nor its English
/// phrase overlaps a word already linked in this pair. So each word is explained once: once 포로 송환 is linked to
/// "repatriation of prisoners", neither 포로 nor 송환 may link to anything else in that pair, and an indirect association
/// (소련 beside 스탈린 and "Stalin") loses to the direct one.
/// </summary>
internal sealed class CompetitiveLinker
{
    private readonly List<Link> candidates = [];
    private bool[] koreanTaken = new bool[64];
    private bool[] englishTaken = new bool[64];

    /// <summary>Forgets the candidates of the previous pair.</summary>
    public void Clear() => candidates.Clear();

    /// <summary>Offers a link between the Korean phrase <paramref name="korean"/> and the English phrase <paramref name="english"/>
    /// (indices into the pair's phrase lists) with its score; links scoring 0 or less are never made.</summary>
    public void Offer(int korean, int english, PhraseSpan koreanSpan, PhraseSpan englishSpan, double score)
    {
        if (score > 0)
        {
            candidates.Add(new Link(korean, english, koreanSpan, englishSpan, score));
        }
    }

    /// <summary>Makes the links, best first without overlap, and returns them; the list is reused by the next pair.</summary>
    public List<Link> Resolve()
    {
        // Best score first. Equal scores mean phrases that always occur together ("Syngman" and "Syngman Rhee"): the
        // longer phrase is the fuller name, so it goes first; then position, so that the result does not depend on the
        // order of offers.
        candidates.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : Words(a.EnglishSpan) != Words(b.EnglishSpan) ? Words(b.EnglishSpan).CompareTo(Words(a.EnglishSpan))
            : Words(a.KoreanSpan) != Words(b.KoreanSpan) ? Words(b.KoreanSpan).CompareTo(Words(a.KoreanSpan))
            : a.Korean != b.Korean ? a.Korean.CompareTo(b.Korean) : a.English.CompareTo(b.English));
        var koreanWords = 0;
        var englishWords = 0;
        foreach (var link in candidates)
        {
            koreanWords = Math.Max(koreanWords, link.KoreanSpan.LastWord + 1);
            englishWords = Math.Max(englishWords, link.EnglishSpan.LastWord + 1);
        }

        koreanTaken = Reset(koreanTaken, koreanWords);
        englishTaken = Reset(englishTaken, englishWords);
        var made = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            var link = candidates[c];
            if (IsFree(koreanTaken, link.KoreanSpan) && IsFree(englishTaken, link.EnglishSpan))
            {
                Take(koreanTaken, link.KoreanSpan);
                Take(englishTaken, link.EnglishSpan);
                candidates[made++] = link;
            }
        }

        candidates.RemoveRange(made, candidates.Count - made);
        return candidates;
    }

    private static int Words(PhraseSpan span) => span.LastWord - span.FirstWord + 1;

    private static bool[] Reset(bool[] taken, int length)
    {
        if (taken.Length < length)
        {
            return new bool[Math.Max(length, taken.Length * 2)];
        }

        Array.Clear(taken, 0, length);
        return taken;
    }

    private static bool IsFree(bool[] taken, PhraseSpan span)
    {
        for (var w = span.FirstWord; w <= span.LastWord; w++)
        {
            if (taken[w])
            {
                return false;
            }
        }

        return true;
    }

    private static void Take(bool[] taken, PhraseSpan span)
    {
        for (var w = span.FirstWord; w <= span.LastWord; w++)
        {
            taken[w] = true;
        }
    }

    /// <summary>A possible or made link: the two phrases' indices in their pair's lists, where they lie, and the score.</summary>
    public readonly record struct Link(int Korean, int English, PhraseSpan KoreanSpan, PhraseSpan EnglishSpan, double Score);
}
