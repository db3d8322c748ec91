using TM.Server.Memory;
using TM.Text;
using TM.Text.Terminology;

namespace TM.Server.Terminology;

/// <content>Term suggestions: candidates extracted from a memory's own pairs.</content>
public sealed partial class TermbaseCatalog
{
    /// <summary>
    /// Most pairs one suggestion reads, oldest first. The extraction's time grows with the pairs (about linearly) and the
    /// pairs are held while it runs (some 600 bytes a pair: 60 MB at the limit), so a larger memory is sampled by its
    /// first pairs, and the answer says so.
    /// </summary>
    public const int MaxSuggestionPairs = 100_000;

    // One extraction at a time, server-wide: at the limit one holds about 60 MB of pairs and the extractor's tables peak
    // near 220 MiB (103,000 pairs, measured with the extractor alone), so concurrent calls would multiply that. A call
    // waits its turn holding nothing, and stops waiting when it is cancelled.
    private readonly SemaphoreSlim _suggesting = new(1, 1);

    /// <summary>
    /// Term candidates of <paramref name="memory"/>, best first: <see cref="TermCandidateExtractor"/> over its first
    /// <see cref="MaxSuggestionPairs"/> pairs, weighed by the memory's learned lexicon, each with two example pairs and
    /// whether the termbase holds it already. Runs on the thread pool, one suggestion at a time server-wide.
    /// </summary>
    /// <param name="memory">The memory.</param>
    /// <param name="maxCandidates">Most candidates returned.</param>
    /// <param name="cancellationToken">Stops before the extraction when the call has ended.</param>
    public Task<TermSuggestions> SuggestAsync(MemoryIndex memory, int maxCandidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return SuggestOneAtATimeAsync(memory, maxCandidates, cancellationToken);
    }

    private async Task<TermSuggestions> SuggestOneAtATimeAsync(MemoryIndex memory, int maxCandidates, CancellationToken cancellationToken)
    {
        await _suggesting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Suggest(memory, maxCandidates, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _suggesting.Release();
        }
    }

    private TermSuggestions Suggest(MemoryIndex memory, int maxCandidates, CancellationToken cancellationToken)
    {
        var pairs = new List<ExtractionPair>();
        var truncated = false;
        foreach (var segment in _store.ReadAll(memory.Info.Id))
        {
            if (pairs.Count == MaxSuggestionPairs)
            {
                truncated = true;
                break;
            }
            pairs.Add(new ExtractionPair(segment.Id, segment.Korean, segment.English));
        }
        cancellationToken.ThrowIfCancellationRequested();
        ITranslationLexicon? lexicon = pairs.Count == 0 ? null : memory.Lexicon.Current(_store, memory.Info.Id);
        var candidates = TermCandidateExtractor.Extract(pairs, new TermExtractionOptions { MaxCandidates = maxCandidates }, lexicon);

        var stored = _store.ReadTerms(memory.Info.Id).Select(t => (t.Content.Korean, t.Content.English)).ToHashSet();
        var byId = candidates.Count == 0 ? [] : pairs.ToDictionary(p => p.Id);
        var terms = candidates.Select(c => new SuggestedTerm(c, [.. c.ExamplePairIds.Take(2).Select(id => byId[id])], stored.Contains((c.Korean, c.English)))).ToList();
        return new TermSuggestions(terms, pairs.Count, truncated);
    }
}
