namespace TM.Text.Terminology;

/// <summary>Settings of <see cref="TermCandidateExtractor.Extract"/>: how many candidates, how much evidence, and the memory bounds.</summary>
public sealed class TermExtractionOptions
{
    /// <summary>The defaults below.</summary>
    public static TermExtractionOptions Default { get; } = new();

    /// <summary>At most this many candidates are returned, best first. Default 50.</summary>
    public int MaxCandidates { get; init; } = 50;

    /// <summary>A candidate must have been linked in at least this many pairs: a term seen once is as likely a paraphrase
    /// as a term. Default 2.</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>Longest Korean candidate, in words (eojeol). Default 3, from 1 to 8.</summary>
    public int MaxKoreanWords { get; init; } = 3;

    /// <summary>Longest English candidate, in words, "of", "the" and "and" inside it included ("Declaration of the Sixteen"
    /// is four, "Ministry of Health and Social Affairs" six). Default 6, from 1 to 8.</summary>
    public int MaxEnglishWords { get; init; } = 6;

    /// <summary>Candidates read from one side of one pair, at most; a longer segment contributes its first ones. It bounds
    /// the work per pair, which grows with the product of the two sides' counts. Default 256.</summary>
    public int MaxCandidatesPerSide { get; init; } = 256;

    /// <summary>
    /// Bound on the entries of each counting table (the Korean and the English phrase counts, the co-occurrence counts,
    /// the link counts). When a table outgrows it, its entries seen once are forgotten, as a stream-counting algorithm
    /// does; a phrase that recurs later starts counting again. Default 2,000,000: at the bound a table of phrase counts
    /// takes some 130 MB (an entry and its string), one of pair counts some 60 MB (estimated from the entry sizes); at least
    /// 1,000. 103,000 pairs of abstract sentences peaked at 221 MiB of working set.
    /// </summary>
    public int MaxTableEntries { get; init; } = 2_000_000;
}
