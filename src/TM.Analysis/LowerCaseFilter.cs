namespace TM.Analysis;

/// <summary>Folds words to lower case (invariant culture), so "The" and "the" are the same unit.</summary>
/// <remarks>
/// Only <see cref="TokenKind.Word"/> tokens are touched, and a word that is already lower case is not
/// copied. Case still matters to the score, but as a formatting difference (99), not as a different unit.
/// </remarks>
public sealed class LowerCaseFilter : TokenFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="input">The stream to read from.</param>
    public LowerCaseFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!Input.IncrementToken())
        {
            return false;
        }

        if (Token.Kind == TokenKind.Word && HasUpper(Token.Term))
        {
            Span<char> term = Token.EditTerm();
            for (int i = 0; i < term.Length; i++)
            {
                term[i] = char.ToLowerInvariant(term[i]);
            }
        }

        return true;
    }

    private static bool HasUpper(ReadOnlySpan<char> term)
    {
        foreach (char c in term)
        {
            if (char.ToLowerInvariant(c) != c)
            {
                return true;
            }
        }

        return false;
    }
}
