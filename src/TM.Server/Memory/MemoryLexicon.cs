using TM.Storage;
using TM.Text;

namespace TM.Server.Memory;

/// <summary>
/// The Korean-English word associations a memory has learned from its own pairs, used as anchors when the next
/// document is aligned into it: the aligner gets better as the memory grows.
/// </summary>
/// <remarks>
/// The learner is filled lazily, at the first alignment into the memory, from at most
/// <see cref="MaxPairsLearnedAtStart"/> stored pairs, so that a large memory does not slow every server start;
/// after that every committed pair is added as it arrives, up to <see cref="MaxPairsLearned"/>. The lexicon is rebuilt only when the pairs learned
/// have grown by a tenth since the last build, because a build links every pair seen (seconds at 10^5 pairs).
/// </remarks>
public sealed class MemoryLexicon
{
    /// <summary>Most stored pairs read into the learner when it is first needed.</summary>
    public const int MaxPairsLearnedAtStart = 50_000;

    /// <summary>
    /// Most pairs the learner holds: it keeps every pair's words until the next build, so a million-pair import into a
    /// memory that has aligned a document would otherwise hold them all; a few hundred thousand pairs already give
    /// every association that occurs often enough to be trusted.
    /// </summary>
    public const int MaxPairsLearned = 200_000;

    private readonly Lock _gate = new();
    private readonly int _maxPairsLearned;
    private LexiconLearner? _learner;
    private LearnedLexicon _lexicon = LearnedLexicon.Empty;
    private int _builtAt;

    /// <summary>Creates an empty lexicon that learns up to <see cref="MaxPairsLearned"/> pairs.</summary>
    public MemoryLexicon()
        : this(MaxPairsLearned)
    {
    }

    /// <summary>Creates an empty lexicon with another limit (tests reach it with a few pairs).</summary>
    internal MemoryLexicon(int maxPairsLearned)
    {
        _maxPairsLearned = maxPairsLearned;
    }

    /// <summary>Pairs the learner holds; 0 until the lexicon is first needed.</summary>
    internal int PairsLearned
    {
        get
        {
            lock (_gate)
                return _learner?.PairCount ?? 0;
        }
    }

    /// <summary>The learned lexicon for aligning into this memory, loading and rebuilding as needed.</summary>
    /// <param name="store">The store, read on first use.</param>
    /// <param name="memoryId">The memory whose pairs teach the learner.</param>
    public LearnedLexicon Current(ISegmentStore store, long memoryId)
    {
        lock (_gate)
        {
            if (_learner is null)
            {
                _learner = new LexiconLearner();
                foreach (var segment in store.ReadAll(memoryId).Where(s => !s.LowConfidence).Take(Math.Min(MaxPairsLearnedAtStart, _maxPairsLearned)))
                    _learner.Add(segment.Korean, segment.English);
            }
            var learned = _learner.PairCount;
            if (learned > 0 && learned - _builtAt >= Math.Max(1, _builtAt / 10))
            {
                _lexicon = _learner.Build();
                _builtAt = learned;
            }
            return _lexicon;
        }
    }

    /// <summary>Teaches the learner newly committed pairs; does nothing until the learner has been loaded.</summary>
    public void Learn(IReadOnlyList<StoredSegment> added)
    {
        lock (_gate)
        {
            if (_learner is null)
                return; // the first Current() will read these from the store
            foreach (var segment in added)
            {
                if (_learner.PairCount >= _maxPairsLearned)
                    return;
                // Pairs the aligner was unsure of would teach its mistakes back to it (the same filter as the load).
                if (!segment.LowConfidence)
                    _learner.Add(segment.Korean, segment.English);
            }
        }
    }
}
