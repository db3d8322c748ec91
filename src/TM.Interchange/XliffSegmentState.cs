namespace TM.Interchange;

/// <summary>The <c>state</c> of an XLIFF 2.0 <c>&lt;segment&gt;</c>: how far its translation has come.</summary>
public enum XliffSegmentState
{
    /// <summary><c>initial</c> (the default when the attribute is absent): not translated yet; a target, if any, is a draft to check.</summary>
    Initial,

    /// <summary><c>translated</c>: the target is a translation.</summary>
    Translated,

    /// <summary><c>reviewed</c>: the translation has been reviewed.</summary>
    Reviewed,

    /// <summary><c>final</c>: the translation is finished and should not change.</summary>
    Final,
}
