using System.Buffers;
using TM.Matching;
using TM.Storage;
using TM.Text;

namespace TM.Server.Memory;

/// <summary>
/// The sentences of one side's multi-sentence segments, each its own entry of an exact <see cref="FuzzyIndex"/>, so a
/// query equal to one sentence of a stored 2-1 or 1-2 pair finds it at that sentence's score (a whole-segment
/// entry scores it 21–40 and misses the default threshold of 50).
/// </summary>
/// <remarks>
/// <para>
/// A separate index rather than more entries in the segments' own: each index returns its exact top k, and the top
/// k of the union of two sets is in the union of their top k, so merging the two answers is exact while the segment
/// index keeps its count, snapshot and load path. A segment of one sentence (almost all of them) has no entry here.
/// </para>
/// <para>
/// An entry's id is the segment id × 16 + the sentence's position: a hit names its pair and sentence without a map
/// to keep in step. So the first 16 sentences of segments with ids below 2^27 (134 million) are indexed; a later
/// sentence of a longer unit, or a segment past that id, is found as a whole segment only.
/// </para>
/// </remarks>
public sealed class FragmentIndex
{
    /// <summary>Sentences indexed per segment, at most.</summary>
    public const int MaxSentences = 16;

    private const int SentenceBits = 4;
    private const long MaxSegmentId = (int.MaxValue >> SentenceBits) - 1;

    // A text with no sentence-final mark before its last characters is one sentence: the splitter is skipped for it,
    // which is the case for nearly every segment.
    private static readonly SearchValues<char> Terminals = SearchValues.Create(".?!…。？！");

    private readonly SegmentSide _side;

    /// <summary>Creates the fragment index of one side: empty, or loaded already (from a snapshot).</summary>
    /// <param name="side">The side's language, which decides how it is split into sentences.</param>
    /// <param name="entries">The loaded index; null for an empty one.</param>
    public FragmentIndex(SegmentSide side, FuzzyIndex? entries = null)
    {
        _side = side;
        Entries = entries ?? new FuzzyIndex();
    }

    /// <summary>The sentence entries, for snapshots.</summary>
    public FuzzyIndex Entries { get; }

    /// <summary>The sentences of <paramref name="text"/> when it has several (trimmed ranges of it); empty when it has one.</summary>
    /// <param name="text">A segment's side, or a query.</param>
    /// <param name="side">Its language.</param>
    public static IReadOnlyList<Range> SentencesOf(string text, SegmentSide side)
    {
        var trimmed = text.AsSpan().TrimEnd();
        var terminal = trimmed.IndexOfAny(Terminals);
        if (terminal < 0 || terminal >= trimmed.Length - 2)
            return [];
        var ranges = SentenceSplitter.Default.Ranges(text, side == SegmentSide.Korean ? Language.Korean : Language.English);
        return ranges.Count > 1 ? ranges : [];
    }

    /// <summary>Indexes the sentences of these segments' texts (as the segment index holds them); a changed segment's old entries are removed first (<see cref="Remove"/>).</summary>
    /// <param name="segments">Segment ids and texts.</param>
    public void Add(IReadOnlyList<KeyValuePair<int, string>> segments)
    {
        var entries = new List<KeyValuePair<int, string>>();
        foreach (var (id, text) in segments)
        {
            var sentences = id <= MaxSegmentId ? SentencesOf(text, _side) : [];
            for (var i = 0; i < sentences.Count && i < MaxSentences; i++)
                entries.Add(new(EntryId(id, i), text[sentences[i]]));
        }
        if (entries.Count > 0)
            Entries.AddRange(entries);
    }

    /// <summary>Removes every sentence entry of a segment.</summary>
    public void Remove(long segmentId)
    {
        // Most memories have few multi-sentence sides: an empty index skips sixteen write locks per removed segment.
        if (segmentId > MaxSegmentId || Entries.Count == 0)
            return;
        for (var i = 0; i < MaxSentences; i++)
            Entries.Remove(EntryId(segmentId, i));
    }

    /// <summary>The stored sentences most similar to <paramref name="query"/>, best first, as <see cref="FuzzyIndex.Search"/> finds them.</summary>
    /// <param name="query">The text to match.</param>
    /// <param name="options">Threshold and result count; a filter in it is asked about segment ids, not entry ids.</param>
    public IReadOnlyList<FragmentHit> Search(string query, MatchOptions options)
    {
        if (Entries.Count == 0)
            return [];
        if (options.Accepts is { } acceptsSegment)
            options = options with { Accepts = entry => acceptsSegment(entry >> SentenceBits) };
        var hits = Entries.Search(query, options);
        var result = new FragmentHit[hits.Count];
        for (var i = 0; i < hits.Count; i++)
            result[i] = new FragmentHit(hits[i].Id >> SentenceBits, hits[i].Id & (MaxSentences - 1), hits[i].Score);
        return result;
    }

    private static int EntryId(long segmentId, int sentence) => (int)(segmentId << SentenceBits) | sentence;
}
