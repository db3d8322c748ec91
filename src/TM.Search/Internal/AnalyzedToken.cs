using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TM.Search.Internal;

/// <summary>One token of an analyzed text: its term, position and UTF-16 offsets into the text.</summary>
internal readonly record struct AnalyzedToken(string Term, int Position, int Start, int End, bool StartsPosition)
{
    /// <summary>Runs <paramref name="analyzer"/> over <paramref name="text"/> (Lucene's Reset, IncrementToken*, End, Dispose).</summary>
    public static List<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using TokenStream stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        int position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), position, offset.StartOffset, offset.EndOffset, increment.PositionIncrement > 0));
        }

        stream.End();
        return tokens;
    }
}
