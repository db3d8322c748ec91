using System.Text;

namespace TM.Analysis;

/// <summary>
/// Writes numbers in one form: thousands separators removed ("170,000" → "170000") and digits of any
/// script, full-width ones included, as ASCII ("１７０" → "170"). The decimal point stays.
/// </summary>
/// <remarks>
/// The two texts of a match may group digits differently, and a translator reads 170,000 and 170000 as the
/// same number; but a different number must stay a different unit, so nothing else is folded.
/// </remarks>
public sealed class NumberNormalizationFilter : TokenFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="input">The stream to read from.</param>
    public NumberNormalizationFilter(TokenStream input)
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

        if (Token.Kind == TokenKind.Number && NeedsNormalizing(Token.Term))
        {
            Span<char> term = Token.EditTerm();
            int written = 0;
            for (int i = 0; i < term.Length; i++)
            {
                char c = term[i];
                if (c == ',')
                {
                    continue;
                }

                if (char.IsAsciiDigit(c) || c == '.')
                {
                    term[written++] = c;
                }
                else if (Rune.DecodeFromUtf16(term[i..], out Rune rune, out int consumed) == System.Buffers.OperationStatus.Done
                    && Rune.GetNumericValue(rune) is >= 0d and <= 9d and var value)
                {
                    // Written output never overtakes the input: one char out for one or two in.
                    term[written++] = (char)('0' + (int)value);
                    i += consumed - 1;
                }
                else
                {
                    term[written++] = c;
                }
            }

            Token.SetTermLength(written);
        }

        return true;
    }

    private static bool NeedsNormalizing(ReadOnlySpan<char> term)
    {
        foreach (char c in term)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return true;
            }
        }

        return false;
    }
}
