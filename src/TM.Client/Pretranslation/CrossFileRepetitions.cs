using TM.Protos.V1;

namespace TM.Client.Pretranslation;

/// <summary>
/// The sentences of a batch of documents that occurred in an earlier document of the batch (Trados's cross-file
/// repetitions), and what they take out of the bands they were counted in. The server analyses one document per call,
/// so only the client, which sees every document's sentences in turn, can find them.
/// </summary>
/// <remarks>
/// Two sentences are the same by the rule the server's in-document repetition uses: the splitter's text, compared
/// ordinally. A sentence already a repetition within its own document stays one: it is counted once there, and its
/// first occurrence is what moves. Each distinct sentence of the batch is kept once (a 2,000,000-character document,
/// Pretranslate's limit, is at most a few megabytes of them).
/// </remarks>
internal sealed class CrossFileRepetitions
{
    // The first document each sentence occurred in.
    private readonly Dictionary<string, int> _firstDocument = new(StringComparer.Ordinal);
    private readonly Dictionary<AnalysisBand, BandCount> _moved = [];

    /// <summary>
    /// Notes <paramref name="sentence"/> of the <paramref name="document"/>-th document (0-based; documents in batch
    /// order, each one's sentences in document order).
    /// </summary>
    public void Add(int document, PretranslatedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentOutOfRangeException.ThrowIfNegative(document);
        if (_firstDocument.TryAdd(sentence.Source, document) || _firstDocument[sentence.Source] >= document || sentence.Band == AnalysisBand.Repetition)
        {
            return;
        }

        if (!_moved.TryGetValue(sentence.Band, out var count))
        {
            count = new BandCount { Band = sentence.Band };
            _moved.Add(sentence.Band, count);
        }

        count.Segments++;
        count.Words += sentence.Words;
        count.Characters += sentence.Characters;
    }

    /// <summary>Sentences, words and characters that move out of <paramref name="band"/>; zeros when none.</summary>
    public BandCount MovedFrom(AnalysisBand band) => _moved.TryGetValue(band, out var count) ? count.Clone() : new BandCount { Band = band };

    /// <summary>Sentences, words and characters of every cross-file repetition found.</summary>
    public BandCount Total() => new()
    {
        Band = AnalysisBand.CrossFileRepetition,
        Segments = _moved.Values.Sum(c => c.Segments),
        Words = _moved.Values.Sum(c => c.Words),
        Characters = _moved.Values.Sum(c => c.Characters),
    };
}
