namespace TM.Text;

/// <summary>Settings of <see cref="LexiconLearner"/>: when a co-occurrence counts as a translation, and memory bounds.</summary>
public sealed record LexiconLearnerOptions
{
    /// <summary>The defaults.</summary>
    public static LexiconLearnerOptions Default { get; } = new();

    /// <summary>
    /// Pairs in which a Korean stem and an English word must occur together before the English word can be the
    /// stem's translation. Default 2: one co-occurrence says nothing, since every word of a pair co-occurs once
    /// with every word of its translation.
    /// </summary>
    public int MinimumSupport { get; init; } = 2;

    /// <summary>
    /// The least Dice coefficient 2·c(k,e) / (c(k) + c(e)) of a learned translation, counted in pairs. Default 0.4:
    /// a word and its usual translation score 0.6–1.0, and 0.4 still admits a stem with two common translations
    /// (협상 → negotiation or talks). On the gold pairs of the test documents, lowering it to 0.3 added four
    /// entries of which two were wrong (한국 → soviet, 제안 → foreign); raising it to 0.5 removed three, all right
    /// (지휘부 → command, 철수 → withdrawal, 북한군 → north).
    /// </summary>
    public double MinimumDice { get; init; } = 0.4;

    /// <summary>
    /// An English word that is the best translation of more Korean stems than this is dropped from the dictionary:
    /// it is a hub that co-occurs with everything (the topic of the memory), not a translation. Default 6, room
    /// for the several Korean forms of one concept (협상, 회담, 교섭, 휴전회담 → negotiation).
    /// </summary>
    public int MaxStemsPerWord { get; init; } = 6;

    /// <summary>
    /// Distinct tokens counted per side of a pair; the rest of a long segment is ignored. Default 64, which covers
    /// sentences and caps the cost of a pasted paragraph at 64 × 64 pair counts.
    /// </summary>
    public int MaxTokensPerSide { get; init; } = 64;

    /// <summary>
    /// Distinct (stem, word) combinations kept in memory, about 28 bytes each. When the table outgrows this,
    /// combinations that can no longer become translations are forgotten (see <see cref="LexiconLearner"/>).
    /// Default 1,000,000 (about 30 MB). On a synthetic memory of 100,000 sentence pairs (some 20 million
    /// combinations, pruned 16 times) the learned dictionary differed in 1 of 29,445 entries from the one learned
    /// with a table four times as large.
    /// </summary>
    public int MaxPairEntries { get; init; } = 1_000_000;
}
