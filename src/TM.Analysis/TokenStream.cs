namespace TM.Analysis;

/// <summary>
/// A sequence of tokens read one at a time into a shared <see cref="Token"/>, Lucene style: a tokenizer
/// at the source and <see cref="TokenFilter"/>s over it, each with one job.
/// </summary>
/// <remarks>
/// <para>The contract, for consumers and for every implementation:</para>
/// <list type="number">
/// <item><description>give the tokenizer its input (<see cref="ScriptTokenizer.SetInput"/>);</description></item>
/// <item><description>call <see cref="Reset"/> once;</description></item>
/// <item><description>call <see cref="IncrementToken"/> until it returns <see langword="false"/>, reading
/// <see cref="Token"/> after each <see langword="true"/> (the token is only valid until the next call);</description></item>
/// <item><description>call <see cref="End"/>, which leaves the final offset (the input length) in <see cref="Token"/>;</description></item>
/// <item><description>start again at step 1 for the next input, or <see cref="Dispose()"/> the stream.</description></item>
/// </list>
/// <para>A stream is not thread-safe; reuse one per thread instead of building one per text.</para>
/// </remarks>
public abstract class TokenStream : IDisposable
{
    /// <summary>Creates a stream that writes into <paramref name="token"/>.</summary>
    /// <param name="token">The attributes shared along the chain.</param>
    protected TokenStream(Token token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Token = token;
    }

    /// <summary>The current token, shared by every stream of the chain.</summary>
    public Token Token { get; }

    /// <summary>Advances to the next token.</summary>
    /// <returns><see langword="true"/> when <see cref="Token"/> holds a new token; <see langword="false"/> at the end.</returns>
    public abstract bool IncrementToken();

    /// <summary>Prepares the stream to read its (new) input from the start.</summary>
    public virtual void Reset()
    {
    }

    /// <summary>Called after the last token: sets end-of-input state such as the final offset.</summary>
    public virtual void End()
    {
    }

    /// <summary>Releases pooled buffers.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases pooled buffers; filters forward to their input.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
