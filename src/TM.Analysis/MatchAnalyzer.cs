using System.Buffers;

namespace TM.Analysis;

/// <summary>
/// Turns a text into its matching units: one unit per Hangul syllable, per lower-cased word, per number
/// (after normalization) and per Han character or symbol; whitespace and punctuation are not units.
/// </summary>
/// <remarks>
/// The chain is <see cref="CreateComponents"/>. <see cref="Analyze{TConsumer}"/> and
/// <see cref="AnalyzeNormalized{TConsumer}"/> reuse one chain per thread (Lucene's reuse strategy), so
/// analyzing a text allocates nothing; both are thread-safe.
/// </remarks>
public static class MatchAnalyzer
{
    private const int StackLimit = 512;

    [ThreadStatic]
    private static ReusableChain? t_chain;

    /// <summary>The analysis chain for matching units, readable in one place.</summary>
    /// <param name="source">The tokenizer at the head of the chain.</param>
    /// <returns>The last stream of the chain.</returns>
    public static TokenStream CreateComponents(ScriptTokenizer source)
    {
        ArgumentNullException.ThrowIfNull(source);
        TokenStream stream = new HangulNgramFilter(source, size: 1); // character-level Korean
        stream = new LowerCaseFilter(stream);                        // word-level English, case is formatting
        stream = new NumberNormalizationFilter(stream);              // 170,000 == 170000 == １７００００
        return new PunctuationFilter(stream);                        // punctuation is formatting, not a unit
    }

    /// <summary>
    /// Creates a new chain over <paramref name="normalizedText"/>, ready for <see cref="TokenStream.Reset"/>;
    /// for inspection and tests (the caller disposes it). Matching code uses <see cref="AnalyzeNormalized{TConsumer}"/>.
    /// </summary>
    /// <param name="normalizedText">Text already passed through <see cref="TextNormalizer"/>.</param>
    /// <returns>The chain's last stream.</returns>
    public static TokenStream CreateTokenStream(ReadOnlyMemory<char> normalizedText)
    {
        var source = new ScriptTokenizer();
        source.SetInput(normalizedText);
        return CreateComponents(source);
    }

    /// <summary>Normalizes <paramref name="text"/> (<see cref="TextNormalizer"/>) and passes its units to <paramref name="consumer"/>.</summary>
    /// <typeparam name="TConsumer">The consumer type; a struct is called without boxing.</typeparam>
    /// <param name="text">The raw text.</param>
    /// <param name="consumer">Receives the units in order.</param>
    /// <returns>The number of units.</returns>
    public static int Analyze<TConsumer>(ReadOnlySpan<char> text, ref TConsumer consumer)
        where TConsumer : IUnitConsumer, allows ref struct
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length * TextNormalizer.MaxExpansion));
        try
        {
            int length = TextNormalizer.Normalize(text, buffer);
            return AnalyzeNormalized(new ReadOnlyMemory<char>(buffer, 0, length), ref consumer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Passes the units of <paramref name="normalizedText"/> to <paramref name="consumer"/>, skipping
    /// normalization: for callers that normalize once and also use the normalized text themselves.
    /// </summary>
    /// <typeparam name="TConsumer">The consumer type; a struct is called without boxing.</typeparam>
    /// <param name="normalizedText">Text already passed through <see cref="TextNormalizer"/>.</param>
    /// <param name="consumer">Receives the units in order.</param>
    /// <returns>The number of units.</returns>
    public static int AnalyzeNormalized<TConsumer>(ReadOnlyMemory<char> normalizedText, ref TConsumer consumer)
        where TConsumer : IUnitConsumer, allows ref struct
    {
        ReusableChain? chain = t_chain;
        if (chain is null || chain.InUse)
        {
            // First use on this thread, or a consumer that analyzes from inside Add: a chain of its own.
            chain = new ReusableChain();
            t_chain ??= chain;
        }

        chain.InUse = true;
        try
        {
            chain.Source.SetInput(normalizedText);
            TokenStream stream = chain.Sink;
            Token token = stream.Token;
            stream.Reset();
            int count = 0;
            while (stream.IncrementToken())
            {
                consumer.Add(token.Term, token.Kind);
                count++;
            }

            stream.End();
            return count;
        }
        finally
        {
            // Drop the reference to the caller's text so a pooled buffer is not kept alive.
            chain.Source.SetInput(ReadOnlyMemory<char>.Empty);
            chain.InUse = false;
        }
    }

    /// <summary>Returns the unit ids of <paramref name="text"/>, interning new terms when <paramref name="addNewTerms"/> is set.</summary>
    /// <param name="text">The raw text.</param>
    /// <param name="terms">The dictionary that maps terms to ids.</param>
    /// <param name="addNewTerms">
    /// <see langword="true"/> to add unknown terms (indexing); <see langword="false"/> to map them to
    /// <see cref="TermDictionary.UnknownId"/> (querying: a term no segment has matches nothing).
    /// </param>
    /// <returns>The ids, one per unit, in text order.</returns>
    public static int[] GetUnitIds(string text, TermDictionary terms, bool addNewTerms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var collector = new IdCollector(terms, addNewTerms);
        Analyze(text, ref collector);
        return collector.ToArray();
    }

    private sealed class ReusableChain
    {
        public ReusableChain()
        {
            Source = new ScriptTokenizer();
            Sink = CreateComponents(Source);
        }

        public ScriptTokenizer Source { get; }

        public TokenStream Sink { get; }

        public bool InUse { get; set; }
    }

    private struct IdCollector(TermDictionary terms, bool addNewTerms) : IUnitConsumer
    {
        private int[] _ids = new int[16];
        private int _count;

        public void Add(ReadOnlySpan<char> term, TokenKind kind)
        {
            if (_count == _ids.Length)
            {
                Array.Resize(ref _ids, _ids.Length * 2);
            }

            _ids[_count++] = addNewTerms ? terms.GetOrAdd(term) : terms.GetId(term);
        }

        public readonly int[] ToArray() => _ids.AsSpan(0, _count).ToArray();
    }
}
