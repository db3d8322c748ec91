namespace TM.Search;

/// <summary>Which side of the pairs a concordance term is searched on.</summary>
[Flags]
public enum ConcordanceSides
{
    /// <summary>The Korean text, as exact substrings (case-insensitive).</summary>
    Korean = 1,

    /// <summary>The English text, as words and phrases (case-insensitive; optionally all word forms).</summary>
    English = 2,

    /// <summary>Either side, each by its own rules: a pair is a hit when one of its sides matches.</summary>
    Both = Korean | English,
}
