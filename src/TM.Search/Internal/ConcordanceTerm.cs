namespace TM.Search.Internal;

/// <summary>
/// A concordance term as typed: leading and trailing whitespace dropped, and a trailing <c>*</c> read as "prefix"
/// (English: the last word is a prefix; Korean: dropped, since every Korean term already matches inside words).
/// </summary>
internal readonly record struct ConcordanceTerm(string Text, bool Prefix)
{
    public static ConcordanceTerm Parse(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        ReadOnlySpan<char> text = term.AsSpan().Trim();
        ReadOnlySpan<char> stripped = text.TrimEnd('*');
        if (stripped.Length == text.Length)
        {
            return new ConcordanceTerm(text.ToString(), Prefix: false);
        }

        // "war*" is a prefix; "war *" and "*" are not (the star follows no word).
        bool prefix = stripped.Length > 0 && !char.IsWhiteSpace(stripped[^1]);
        return new ConcordanceTerm(stripped.TrimEnd().ToString(), prefix);
    }
}
