namespace TM.Text.Internal;

/// <summary>
/// The normalised word tokens of one sentence, written into one reusable character buffer so that tokenizing a
/// sentence allocates nothing once the buffer has grown to the longest sentence seen.
/// </summary>
internal sealed class LexicalTokens
{
    private char[] chars = new char[256];
    private (int Start, int Length)[] tokens = new (int, int)[32];
    private int length;

    /// <summary>Tokens written since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The i-th token.</summary>
    public ReadOnlySpan<char> this[int index] => chars.AsSpan(tokens[index].Start, tokens[index].Length);

    public void Clear()
    {
        length = 0;
        Count = 0;
    }

    /// <summary>Reserves room for a token of at most <paramref name="maxLength"/> characters and returns it.</summary>
    public Span<char> Begin(int maxLength)
    {
        if (length + maxLength > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, length + maxLength));
        }

        return chars.AsSpan(length, maxLength);
    }

    /// <summary>Keeps the first <paramref name="tokenLength"/> characters written into the span of <see cref="Begin"/>.</summary>
    public void Commit(int tokenLength)
    {
        if (Count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[Count++] = (length, tokenLength);
        length += tokenLength;
    }

    public void Add(ReadOnlySpan<char> token)
    {
        token.CopyTo(Begin(token.Length));
        Commit(token.Length);
    }
}
