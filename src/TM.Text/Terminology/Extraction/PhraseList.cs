using TM.Text.Internal;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// The candidate phrases of one side of one pair: each phrase's normalised key (in one reusable buffer, so that reading a
/// pair allocates nothing once the buffers have grown) and its <see cref="PhraseSpan"/>.
/// </summary>
internal sealed class PhraseList
{
    private readonly LexicalTokens keys = new();
    private PhraseSpan[] spans = new PhraseSpan[64];

    /// <summary>Phrases added since the last <see cref="Clear"/>.</summary>
    public int Count => keys.Count;

    /// <summary>The normalised key of the i-th phrase.</summary>
    public ReadOnlySpan<char> Key(int index) => keys[index];

    /// <summary>Where the i-th phrase lies.</summary>
    public PhraseSpan Span(int index) => spans[index];

    public void Clear() => keys.Clear();

    /// <summary>Reserves room for a key of at most <paramref name="maxLength"/> characters.</summary>
    public Span<char> Begin(int maxLength) => keys.Begin(maxLength);

    /// <summary>Keeps the first <paramref name="keyLength"/> characters written into <see cref="Begin"/>'s span as the key of a phrase at <paramref name="span"/>.</summary>
    public void Commit(int keyLength, PhraseSpan span)
    {
        if (keys.Count == spans.Length)
        {
            Array.Resize(ref spans, spans.Length * 2);
        }

        spans[keys.Count] = span;
        keys.Commit(keyLength);
    }
}
