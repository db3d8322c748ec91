namespace TM.Analysis;

/// <summary>Drops <see cref="TokenKind.Punctuation"/> tokens: punctuation is not a matching unit.</summary>
/// <remarks>
/// A translator fixes a comma in a second, so a punctuation difference must not cost as much as a word;
/// it still keeps the score below 100 through the normalized-text comparison (see TM.Matching's MatchCosts).
/// </remarks>
public sealed class PunctuationFilter : TokenFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="input">The stream to read from.</param>
    public PunctuationFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        while (Input.IncrementToken())
        {
            if (Token.Kind != TokenKind.Punctuation)
            {
                return true;
            }
        }

        return false;
    }
}
