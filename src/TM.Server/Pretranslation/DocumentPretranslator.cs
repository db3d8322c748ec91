using TM.Matching;
using TM.Server.Memory;
using TM.Storage;
using TM.Text;

namespace TM.Server.Pretranslation;

/// <summary>
/// Pretranslates a document from a memory: every sentence's best match and band, in document order, a chunk at a
/// time so a client sees the first sentences while the rest are matched. Repetitions are looked up once, at their
/// first occurrence; each lookup knows its sentence's neighbours, so a pair stored between the same sentences comes
/// back as a context match.
/// </summary>
public sealed class DocumentPretranslator(TranslationMemoryCatalog catalog)
{
    /// <summary>
    /// Sentences matched between two reports to the client: enough for both cores to stay busy (each lookup takes about
    /// a millisecond at a million pairs), few enough that progress comes several times a second.
    /// </summary>
    public const int ChunkSize = 64;

    /// <summary>Sentences a document may hold; a longer one is several documents.</summary>
    public const int MaxSentences = 50_000;

    /// <summary>The document's sentences with their matches, chunk by chunk in order.</summary>
    /// <param name="memory">The memory to match against.</param>
    /// <param name="document">The sentences.</param>
    /// <param name="options">Minimum score and filter; one match is kept per sentence.</param>
    /// <param name="penalties">The penalties to take off.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    public IEnumerable<IReadOnlyList<PretranslatedSentence>> Run(MemoryIndex memory, SourceDocument document, MatchOptions options, LookupPenalties penalties,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(document);
        var side = document.Language == Language.Korean ? SegmentSide.Korean : SegmentSide.English;
        var texts = new string[document.Sentences.Count];
        for (var i = 0; i < texts.Length; i++)
            texts[i] = document.Sentences[i].Text;
        var firstOccurrence = FirstOccurrences(texts);
        var results = new PretranslatedSentence[texts.Length];
        options = options with { MaxResults = 1 };
        for (var start = 0; start < texts.Length; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(start + ChunkSize, texts.Length);
            var lookedUp = new List<int>(end - start);
            for (var i = start; i < end; i++)
            {
                if (firstOccurrence[i] == i)
                    lookedUp.Add(i);
            }
            var hits = catalog.LookupInDocument(memory, texts, lookedUp, side, options, penalties);
            var chunk = new PretranslatedSentence[end - start];
            for (var i = start; i < end; i++)
            {
                var sentence = document.Sentences[i];
                var (words, characters) = SourceDocument.Measure(sentence.Text);
                PretranslatedSentence result;
                if (firstOccurrence[i] != i)
                {
                    result = new PretranslatedSentence(i, sentence.Paragraph, sentence.Text, results[firstOccurrence[i]].Best, ScoreBand.Repetition,
                        firstOccurrence[i], words, characters);
                }
                else
                {
                    var found = hits[lookedUp.IndexOf(i)];
                    var best = found.Count > 0 ? found[0] : null;
                    result = new PretranslatedSentence(i, sentence.Paragraph, sentence.Text, best, AnalysisTally.BandOf(best?.Score, best?.InContext == true),
                        -1, words, characters);
                }
                results[i] = result;
                chunk[i - start] = result;
            }
            yield return chunk;
        }
    }

    // For each sentence the index of the first sentence with the same text (itself when it is the first): CAT tools
    // count a repetition once whatever its neighbours.
    private static int[] FirstOccurrences(string[] texts)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[texts.Length];
        for (var i = 0; i < texts.Length; i++)
            result[i] = first.TryAdd(texts[i], i) ? i : first[texts[i]];
        return result;
    }
}
