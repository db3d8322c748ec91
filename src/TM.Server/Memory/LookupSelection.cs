namespace TM.Server.Memory;

/// <summary>
/// Merges the answers of a lookup's searches (the whole query and, for a query of several sentences, each sentence;
/// each against the segment and the fragment index) into one best-first list.
/// </summary>
internal static class LookupSelection
{
    /// <summary>
    /// One hit per pair, its best (at the same score, an answer to the whole query over one to a sentence of it, and
    /// a whole segment over a fragment); the best hit of every searched text is kept while there is room, the rest
    /// by score; best first, in that same order, then the older pair.
    /// </summary>
    public static List<LookupCandidate> Select(List<LookupCandidate> candidates, int maxResults)
    {
        candidates.Sort(Compare);
        var seen = new HashSet<long>();
        var ordered = new List<LookupCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (seen.Add(candidate.SegmentId))
                ordered.Add(candidate);
        }

        var picked = new List<LookupCandidate>(Math.Min(maxResults, ordered.Count));
        var taken = new bool[ordered.Count];
        var bestTaken = new HashSet<int>();
        for (var i = 0; i < ordered.Count && picked.Count < maxResults; i++)
        {
            var searched = ordered[i].QueryRange is { } range ? range.Start.Value : -1;
            if (bestTaken.Add(searched))
            {
                picked.Add(ordered[i]);
                taken[i] = true;
            }
        }
        for (var i = 0; i < ordered.Count && picked.Count < maxResults; i++)
        {
            if (!taken[i])
                picked.Add(ordered[i]);
        }
        picked.Sort(Compare);
        return picked;
    }

    private static int Compare(LookupCandidate a, LookupCandidate b)
    {
        if (a.Score != b.Score)
            return b.Score.CompareTo(a.Score);
        if ((a.QueryRange is null) != (b.QueryRange is null))
            return a.QueryRange is null ? -1 : 1;
        if ((a.Sentence < 0) != (b.Sentence < 0))
            return a.Sentence < 0 ? -1 : 1;
        if (a.SegmentId != b.SegmentId)
            return a.SegmentId.CompareTo(b.SegmentId);
        var aStart = a.QueryRange is { } ar ? ar.Start.Value : -1;
        var bStart = b.QueryRange is { } br ? br.Start.Value : -1;
        return aStart != bStart ? aStart.CompareTo(bStart) : a.Sentence.CompareTo(b.Sentence);
    }
}
