namespace TM.Interchange;

/// <summary>Why a reader left a unit out; counted in <see cref="ReadStatistics"/>.</summary>
public enum SkipReason
{
    /// <summary>The unit has neither a Korean nor an English variant (a French-German unit, or no variant at all).</summary>
    OtherLanguages,

    /// <summary>The unit has an English variant but no Korean one.</summary>
    MissingKorean,

    /// <summary>The unit has a Korean variant but no English one.</summary>
    MissingEnglish,

    /// <summary>Both sides are there, but one holds nothing but white space and inline tags.</summary>
    EmptySegment,

    /// <summary>
    /// An XLIFF segment that is not translated: it has no target, an empty one, or its state is <c>initial</c> (a
    /// pretranslation nobody confirmed).
    /// </summary>
    NotTranslated,
}
