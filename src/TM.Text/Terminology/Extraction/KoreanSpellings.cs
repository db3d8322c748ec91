using TM.Text.Internal;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Finds where the last noun of a Korean candidate really ends. <see cref="KoreanStemmer"/> strips what looks like a
/// particle, and a noun may end in one (리지웨이 loses 이, 거제도 loses 도, 군법회의 loses 의): right for counting, since
/// every form is cut the same way, wrong in a termbase. The forms the memory writes tell: the noun is the longest start
/// of them all after which each form has nothing but particles (리지웨이는, 리지웨이의, 리지웨이 → 리지웨이; 한반도에서,
/// 한반도에 → 한반도, not their common start 한반도에). A noun seen in one form only keeps its stripped stem: 본고는
/// alone cannot tell 본고 + 는 from a noun ending in 는.
/// </summary>
internal sealed class KoreanSpellings
{
    /// <summary>Distinct forms kept; a term's last word rarely takes more particles than this in one memory.</summary>
    private const int MaxForms = 16;

    private readonly List<string> forms = [];

    /// <summary>Adds one form of the candidate's last word as written, particles included.</summary>
    public void Add(ReadOnlySpan<char> lastWord)
    {
        if (forms.Count == MaxForms)
        {
            return;
        }

        foreach (var form in forms)
        {
            if (lastWord.SequenceEqual(form))
            {
                return;
            }
        }

        forms.Add(lastWord.ToString());
    }

    /// <summary>The candidate as a termbase should write it, given its key (last word stripped).</summary>
    public string Spell(string key)
    {
        var lastSpace = key.LastIndexOf(' ');
        var stem = key[(lastSpace + 1)..];
        if (forms.Count < 2)
        {
            return key;
        }

        var common = forms[0].Length;
        foreach (var form in forms)
        {
            common = Math.Min(common, forms[0].AsSpan().CommonPrefixLength(form));
        }

        for (var end = common; end > stem.Length; end--)
        {
            if (forms.TrueForAll(f => KoreanStemmer.IsEnding(f.AsSpan(end))) && forms[0].StartsWith(stem, StringComparison.Ordinal))
            {
                return key[..(lastSpace + 1)] + forms[0][..end];
            }
        }

        return key;
    }
}
