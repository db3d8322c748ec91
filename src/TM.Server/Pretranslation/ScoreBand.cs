namespace TM.Server.Pretranslation;

/// <summary>
/// Where a sentence falls in an analysis, by its best match's score after penalties: the bands of Trados, memoQ and
/// OmegaT reports, which is how translators quote and are paid.
/// </summary>
public enum ScoreBand
{
    /// <summary>No match of 50 or more.</summary>
    NoMatch,

    /// <summary>50 to under 75.</summary>
    Fuzzy50To74,

    /// <summary>75 to under 85.</summary>
    Fuzzy75To84,

    /// <summary>85 to under 95.</summary>
    Fuzzy85To94,

    /// <summary>95 to under 100.</summary>
    Fuzzy95To99,

    /// <summary>100.</summary>
    Exact,

    /// <summary>100, stored between the same neighbours (the 101% of memoQ, Trados's context match).</summary>
    Context,

    /// <summary>A sentence that occurred earlier in the same document: translated once, counted once.</summary>
    Repetition,
}
