namespace TM.Analysis;

/// <summary>Which units a unit is a variant of, for scoring: see <see cref="UnitFamily"/>.</summary>
public enum UnitFamilyKind
{
    /// <summary>The unit has no variants but itself: a Hangul syllable, a Han character, a symbol, a short or
    /// non-English word.</summary>
    None,

    /// <summary>An English word: its family is its word-family stem (<see cref="EnglishWordFamily"/>), so troop and
    /// troops, decide and decided, agreement and agreements are variants of each other.</summary>
    Word,

    /// <summary>A number: every number is a variant of every other, because a number that differs can be carried
    /// into the translation (the server adapts it) where a different word cannot.</summary>
    Number,
}
