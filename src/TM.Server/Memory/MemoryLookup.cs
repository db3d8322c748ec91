using System.Collections.Concurrent;
using TM.Interchange;
using TM.Matching;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// Fuzzy matches for one text against one side of a memory: whole segments and single sentences of multi-sentence
/// segments (fragments) that match the text, and, when the text holds several sentences, those that match each of its
/// sentences alone; penalties taken off, and merged by <see cref="LookupSelection"/>.
/// </summary>
/// <remarks>
/// Penalties keep retrieval exact: an index returns its top k by raw score, and a pair it left out scores at most the
/// last raw score it returned, so when that is below the k-th penalized score nothing left out can enter the top k.
/// Each index is asked for one hit more than the request's k, so that an untied cut is seen at once; when the cut is
/// not provably complete (or it ties, with the multiple-translations penalty on: the tie may hide an alternative
/// translation of a returned pair), the search is repeated with four times the k, up to <see cref="MatchOptions.MaxResultsLimit"/>.
/// </remarks>
internal sealed class MemoryLookup(ISegmentStore store, SegmentRecordReader reader)
{
    // A query's sentences searched one by one, at most: each is a search of its own (about 1 ms at a million pairs).
    private const int MaxQuerySentences = 32;

    private static readonly FuzzyScorer Scorer = new();

    // Import ids whose pairs the aligner made: an import's kind never changes, so each is read from the store once.
    private readonly ConcurrentDictionary<long, bool> _alignedImports = new();

    /// <summary>The matches of <paramref name="text"/>, best first.</summary>
    /// <param name="memory">The memory to search.</param>
    /// <param name="text">The query, as the client sent it.</param>
    /// <param name="side">Its language.</param>
    /// <param name="options">Threshold (after penalties) and result count.</param>
    /// <param name="penalties">The penalties to take off.</param>
    /// <param name="context">The query's neighbours in its document, for context matches; null when unknown.</param>
    /// <returns>The hits, and how many raw hits the indexes returned (for metrics).</returns>
    public (IReadOnlyList<LookupHit> Hits, int Searched) Find(MemoryIndex memory, string text, SegmentSide side, MatchOptions options, LookupPenalties penalties,
        LookupContext? context = null)
    {
        var records = new Dictionary<long, SegmentRecord>();
        var candidates = new List<LookupCandidate>();
        var searched = 0;
        // Placeholders are not indexed (see MemoryIndex.Add), so a query with tags matches the same text without them.
        searched += Search(memory, side, InlinePlaceholder.Remove(text), null, options, penalties, records, candidates);
        var sentences = FragmentIndex.SentencesOf(text, side);
        for (var i = 0; i < sentences.Count && i < MaxQuerySentences; i++)
        {
            var sentence = InlinePlaceholder.Remove(text[sentences[i]]);
            if (memory.For(side).HasSomethingToMatch(sentence))
                searched += Search(memory, side, sentence, sentences[i], options, penalties, records, candidates);
        }
        var selected = LookupSelection.Select(candidates, options.MaxResults);
        var hits = new List<LookupHit>(selected.Count);
        foreach (var candidate in selected)
        {
            var record = records[candidate.SegmentId];
            hits.Add(new LookupHit(record, candidate.Score)
            {
                Sentence = candidate.Sentence,
                QueryRange = candidate.QueryRange,
                Penalties = candidate.Penalties,
                Aligned = IsAligned(record),
                InContext = context is not null && candidate.IsIdentical && IsInContext(record, side, context),
            });
        }
        // A context match comes before the other matches of its score (it is the 101% of CAT tools).
        hits.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : b.InContext.CompareTo(a.InContext));
        return (hits, searched);
    }

    // The pairs stored just before and after this one by the same import are its document neighbours: an import gives
    // the pairs it stores consecutive ids in document order. A neighbour the import skipped (a duplicate) or another
    // import overwrote makes the check fail, never pass wrongly. Neighbours compare at 99 or more (the same words;
    // case, punctuation and spacing aside).
    private bool IsInContext(SegmentRecord record, SegmentSide side, LookupContext context)
    {
        var id = record.Segment.Id;
        if (record.ImportId == 0)
            return false;
        string? previous = null, next = null;
        foreach (var neighbour in reader.GetRecords([id - 1, id + 1]))
        {
            if (neighbour.MemoryId != record.MemoryId || neighbour.ImportId != record.ImportId)
                continue;
            var text = InlinePlaceholder.Remove(side == SegmentSide.Korean ? neighbour.Segment.Korean : neighbour.Segment.English);
            if (neighbour.Segment.Id < id)
                previous = text;
            else
                next = text;
        }
        return SameSentence(context.Previous, previous) && SameSentence(context.Next, next);
    }

    private static bool SameSentence(string asked, string? stored) =>
        stored is null ? asked.Trim().Length == 0 : asked.Trim().Length > 0 && Scorer.Score(asked, stored) >= 99;

    // One searched text against both indexes, until the penalized top k is provably complete (see remarks).
    private int Search(MemoryIndex memory, SegmentSide side, string query, Range? queryRange, MatchOptions options, LookupPenalties penalties,
        Dictionary<long, SegmentRecord> records, List<LookupCandidate> output)
    {
        // One hit more than asked: when it scores below the k-th, the cut is not a tie and one search is enough.
        var k = Math.Min(options.MaxResults + 1, MatchOptions.MaxResultsLimit);
        while (true)
        {
            var limited = options with { MaxResults = k };
            var segments = memory.For(side).Search(query, limited);
            var fragments = memory.FragmentsFor(side).Search(query, limited);
            var found = new List<LookupCandidate>(segments.Count + fragments.Count);
            foreach (var hit in segments)
                found.Add(new LookupCandidate(hit.Id, -1, hit.Score, queryRange) { IsIdentical = queryRange is null && hit.Score == 100 });
            foreach (var hit in fragments)
                found.Add(new LookupCandidate(hit.SegmentId, hit.Sentence, hit.Score, queryRange));
            Fetch(found, records);
            var penalized = Penalize(found, records, penalties, side, query, options.MinScore, out var anyPenalized);
            var cut = KthScore(penalized, options.MaxResults, options.MinScore);
            // A tie at the cut may hide an alternative translation of a pair it returned, which would take that pair's penalty.
            var tiesAreSafe = !anyPenalized && penalties.MultipleTranslations == 0;
            var complete = IsComplete(segments.Count, segments.Count > 0 ? segments[^1].Score : 0, k, cut, tiesAreSafe)
                && IsComplete(fragments.Count, fragments.Count > 0 ? fragments[^1].Score : 0, k, cut, tiesAreSafe);
            if (complete || k >= MatchOptions.MaxResultsLimit)
            {
                output.AddRange(penalized);
                return found.Count;
            }
            k = Math.Min(k * 4, MatchOptions.MaxResultsLimit);
        }
    }

    // An index that returned fewer than k hits returned every qualifying one; otherwise what it left out scores at most
    // its last raw score, which must be below the cut (or at it when ties are safe: nothing penalized and no penalty
    // that a left-out pair could give a returned one; ties then fall by id in the index as in the selection).
    private static bool IsComplete(int returned, double lastRaw, int k, double cut, bool tiesAreSafe) =>
        returned < k || lastRaw < cut || (lastRaw == cut && tiesAreSafe);

    private static double KthScore(List<LookupCandidate> candidates, int k, double minScore)
    {
        if (candidates.Count < k)
            return minScore;
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = candidates[i].Score;
        Array.Sort(scores);
        return scores[^k];
    }

    private void Fetch(List<LookupCandidate> found, Dictionary<long, SegmentRecord> records)
    {
        var missing = new List<long>();
        foreach (var candidate in found)
        {
            if (!records.ContainsKey(candidate.SegmentId))
                missing.Add(candidate.SegmentId);
        }
        if (missing.Count == 0)
            return;
        // The records come from the same prepared point read as the bare segments (their columns are in its row).
        foreach (var record in reader.GetRecords(missing))
            records[record.Segment.Id] = record;
    }

    private List<LookupCandidate> Penalize(List<LookupCandidate> found, Dictionary<long, SegmentRecord> records, LookupPenalties penalties,
        SegmentSide side, string query, double minScore, out bool anyPenalized)
    {
        anyPenalized = false;
        var numbersMayDiffer = NumberAdaptationPenalty.MayApply(query);
        var translationsBySource = CountTranslations(found, records, side, penalties);
        var result = new List<LookupCandidate>(found.Count);
        foreach (var candidate in found)
        {
            // A hit the store no longer has (removed since the search) is simply not offered.
            if (!records.TryGetValue(candidate.SegmentId, out var record))
                continue;
            List<ScorePenalty>? taken = null;
            var source = side == SegmentSide.Korean ? record.Segment.Korean : record.Segment.English;
            if (candidate.Sentence < 0 && translationsBySource is not null && translationsBySource[source] > 1)
                (taken ??= []).Add(new ScorePenalty(ScorePenalty.MultipleTranslations, penalties.MultipleTranslations));
            if (penalties.Aligned > 0 && IsAligned(record))
                (taken ??= []).Add(new ScorePenalty(ScorePenalty.Aligned, penalties.Aligned));
            if (penalties.LowConfidence > 0 && record.Segment.LowConfidence)
                (taken ??= []).Add(new ScorePenalty(ScorePenalty.LowConfidence, penalties.LowConfidence));
            foreach (var field in penalties.Fields)
            {
                if (field.Points > 0 && !Holds(record.Segment.Fields, field))
                    (taken ??= []).Add(new ScorePenalty(ScorePenalty.Field(field.Name), field.Points));
            }
            // Numbers differ only in a match whose units differ (below the formatting-only 99).
            if (numbersMayDiffer && candidate.Score < MatchCosts.Default.FormattingOnlyScore
                && UnplacedNumbers(query, record, candidate.Sentence, side) is > 0 and var points)
                (taken ??= []).Add(new ScorePenalty(ScorePenalty.NumberNotAdapted, points));
            var score = candidate.Score;
            if (taken is not null)
            {
                anyPenalized = true;
                foreach (var penalty in taken)
                    score -= penalty.Points;
                score = Math.Max(score, 0);
            }
            if (record.Segment.LowConfidence)
                score = Math.Min(score, TranslationMemoryCatalog.LowConfidenceScoreCap);
            if (score >= minScore)
                result.Add(candidate with { Score = score, Penalties = taken ?? (IReadOnlyList<ScorePenalty>)[] });
        }
        return result;
    }

    // The adaptation the client will receive (LookupRequests adapts the same texts), and what its unplaced numbers cost.
    private static double UnplacedNumbers(string query, SegmentRecord record, int sentence, SegmentSide side)
    {
        var korean = InlinePlaceholder.Remove(record.Segment.Korean);
        var english = InlinePlaceholder.Remove(record.Segment.English);
        var (source, target) = side == SegmentSide.Korean ? (korean, english) : (english, korean);
        var (sourcePart, targetPart) = sentence >= 0 ? FragmentParts.Of(source, target, sentence, side) : (Range.All, Range.All);
        var matched = source[sourcePart];
        var substituted = NumberAdaptationPenalty.SubstitutedNumbers(query, matched, out var longer);
        if (substituted == 0)
            return 0;
        var adaptation = MatchAdaptation.Adapt(query, matched, target, targetPart, side);
        return NumberAdaptationPenalty.Points(substituted, longer, adaptation, MatchCosts.Default);
    }

    private static bool Holds(IReadOnlyList<FieldValue> values, FieldPenalty wanted)
    {
        foreach (var value in values)
        {
            if (string.Equals(value.Name, wanted.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(value.Value, wanted.Value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // How many different translations each whole-segment hit's source text has among the hits: alternatives of one
    // source score the same, so they are returned together. Null when the penalty is off.
    private static Dictionary<string, int>? CountTranslations(List<LookupCandidate> found, Dictionary<long, SegmentRecord> records,
        SegmentSide side, LookupPenalties penalties)
    {
        if (penalties.MultipleTranslations <= 0)
            return null;
        var targets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var candidate in found)
        {
            if (candidate.Sentence >= 0 || !records.TryGetValue(candidate.SegmentId, out var record))
                continue;
            var (source, target) = side == SegmentSide.Korean ? (record.Segment.Korean, record.Segment.English) : (record.Segment.English, record.Segment.Korean);
            if (!targets.TryGetValue(source, out var set))
                targets[source] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(target);
        }
        var counts = new Dictionary<string, int>(targets.Count, StringComparer.Ordinal);
        foreach (var (source, set) in targets)
            counts[source] = set.Count;
        return counts;
    }

    private bool IsAligned(SegmentRecord record)
    {
        if (record.ImportId == 0)
            return false;
        if (_alignedImports.TryGetValue(record.ImportId, out var aligned))
            return aligned;
        try
        {
            aligned = store.FindImport(record.ImportId) is { } import && StoredNames.ParseKind(import.Kind) == ImportKind.Document;
        }
        catch (Exception e) when (store is ISharedSegmentStore && SharedStoreFailure.IsUnreachable(e))
        {
            // The shared database is down: not known to be aligned this time (no penalty), and asked again next time.
            return false;
        }
        return _alignedImports[record.ImportId] = aligned;
    }
}
