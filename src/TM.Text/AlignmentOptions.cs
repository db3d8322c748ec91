namespace TM.Text;

/// <summary>Settings of <see cref="DocumentAligner"/> and <see cref="SentenceAligner"/>.</summary>
public sealed record AlignmentOptions
{
    /// <summary>The defaults.</summary>
    public static AlignmentOptions Default { get; } = new();

    /// <summary>
    /// Bilingual terms used as anchors besides numbers. Default <see cref="KnownTermsLexicon.Instance"/>;
    /// null aligns on lengths and numbers only.
    /// </summary>
    public ITranslationLexicon? Lexicon { get; init; } = KnownTermsLexicon.Instance;

    /// <summary>
    /// General vocabulary used as weaker anchors: rewarded when shared, charged little when missing, since a
    /// translation may paraphrase a word but rarely drops a name. Default <see cref="GlossaryLexicon.Instance"/>;
    /// null disables it.
    /// </summary>
    public ITranslationLexicon? Glossary { get; init; } = GlossaryLexicon.Instance;

    /// <summary>
    /// Vocabulary learned from the translation memory (<see cref="LexiconLearner"/>), used as weak anchors like
    /// <see cref="Glossary"/> but priced lower (<see cref="AlignmentCosts.LearnedMatch"/>). A learned key that says
    /// what a <see cref="Lexicon"/> or <see cref="Glossary"/> key of the same sentence already says
    /// (<c>learned:armistice</c> beside <c>armistice</c>) is not counted again. Default null: no learned vocabulary.
    /// </summary>
    public ITranslationLexicon? Learned { get; init; }

    /// <summary>The length model before adapting to each document. Default <see cref="LengthRatioModel.Default"/>.</summary>
    public LengthRatioModel LengthModel { get; init; } = LengthRatioModel.Default;

    /// <summary>Bead and anchor costs. Default <see cref="AlignmentCosts.Default"/>.</summary>
    public AlignmentCosts Costs { get; init; } = AlignmentCosts.Default;

    /// <summary>Decides which lines are noise. Default <see cref="NoiseLineFilter.Default"/>.</summary>
    public NoiseLineFilter NoiseFilter { get; init; } = NoiseLineFilter.Default;

    /// <summary>
    /// Half-width, in sentences, of the band around the diagonal that the dynamic programme searches first; the
    /// band doubles as long as the best path runs along its edge. Default 64: abstracts are searched in full, and
    /// a 2,000-sentence document costs 2,000 × 129 cells unless it has a long omission.
    /// </summary>
    public int MinimumBandWidth { get; init; } = 64;

    /// <summary>The longest line accepted, in UTF-16 characters. Default 100,000.</summary>
    public int MaxLineLength { get; init; } = 100_000;

    /// <summary>
    /// The longest sentence accepted after splitting, in characters. Default 10,000: anything longer is a text
    /// without sentence punctuation, which cannot be aligned sentence by sentence.
    /// </summary>
    public int MaxSentenceLength { get; init; } = 10_000;
}
