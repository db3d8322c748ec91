using TM.Analysis;

namespace TM.Analysis.Tests;

/// <summary>Lucene's assertTokenStreamContents, reduced: runs the whole contract and checks every token.</summary>
internal static class TokenStreamAssert
{
    public static List<(string Term, TokenKind Kind, int Start, int End)> Consume(TokenStream stream, int inputLength)
    {
        var tokens = new List<(string, TokenKind, int, int)>();
        Token token = stream.Token;
        stream.Reset();
        int lastStart = -1;
        while (stream.IncrementToken())
        {
            Assert.False(token.Term.IsEmpty, "empty token");
            Assert.InRange(token.StartOffset, 0, inputLength);
            Assert.InRange(token.EndOffset, token.StartOffset, inputLength);
            Assert.True(token.StartOffset >= lastStart, "offsets go backwards");
            lastStart = token.StartOffset;
            tokens.Add((token.Term.ToString(), token.Kind, token.StartOffset, token.EndOffset));
        }

        stream.End();
        Assert.Equal(inputLength, token.EndOffset);
        return tokens;
    }

    /// <summary>Tokens as "term/Kind" separated by spaces: compact expectations that show a whole sentence.</summary>
    public static string Describe(IEnumerable<(string Term, TokenKind Kind, int Start, int End)> tokens) =>
        string.Join(" ", tokens.Select(t => $"{t.Term}/{t.Kind}"));

    public static string Tokenize(string text)
    {
        using var tokenizer = new ScriptTokenizer();
        tokenizer.SetInput(text.AsMemory());
        return Describe(Consume(tokenizer, text.Length));
    }

    /// <summary>The matching units of <paramref name="text"/> (normalized first), space separated.</summary>
    public static string Units(string text)
    {
        string normalized = TextNormalizer.Normalize(text);
        using TokenStream stream = MatchAnalyzer.CreateTokenStream(normalized.AsMemory());
        return string.Join(" ", Consume(stream, normalized.Length).Select(t => t.Term));
    }
}
