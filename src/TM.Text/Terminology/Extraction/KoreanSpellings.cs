namespace TM.Text.Terminology;

/// <summary>
/// Finds where the last noun of a Korean candidate really ends. <see cref="TM.Text.Internal.KoreanStemmer"/> strips what
/// looks like a particle, and a noun may end in one (리지웨이 loses 이, 이승만 loses 만, 거제도 loses 도): right for
/// counting, since every form is cut the same way, wrong in a termbase. The forms the memory writes tell: the longest
/// start that 리지웨이는, 리지웨이의 and 리지웨이 share is the noun. A noun seen in one form only keeps its stripped stem.
/// </summary>
internal sealed class KoreanSpellings
{
    private string? shared;
    private bool varied;

    /// <summary>Adds one form of the candidate's last word as written, particles included.</summary>
    public void Add(ReadOnlySpan<char> lastWord)
    {
        if (shared is null)
        {
            shared = lastWord.ToString();
            return;
        }

        var common = shared.AsSpan().CommonPrefixLength(lastWord);
        if (common != shared.Length || common != lastWord.Length)
        {
            varied = true;
            shared = shared[..common];
        }
    }

    /// <summary>The candidate as a termbase should write it, given its key (last word stripped).</summary>
    public string Spell(string key)
    {
        if (!varied || shared is null)
        {
            return key;
        }

        var lastSpace = key.LastIndexOf(' ');
        var stem = key[(lastSpace + 1)..];
        return shared.Length > stem.Length && shared.StartsWith(stem, StringComparison.Ordinal) ? key[..(lastSpace + 1)] + shared : key;
    }
}
