namespace TM.Analysis;

/// <summary>Receives the matching units of a text from <see cref="MatchAnalyzer.Analyze{TConsumer}"/>, in order.</summary>
/// <remarks>Implement it on a struct: the analyzer takes it by reference and calls it without boxing.</remarks>
public interface IUnitConsumer
{
    /// <summary>Receives one unit.</summary>
    /// <param name="term">The unit's term; only valid during the call.</param>
    /// <param name="kind">What kind of unit it is.</param>
    void Add(ReadOnlySpan<char> term, TokenKind kind);
}
