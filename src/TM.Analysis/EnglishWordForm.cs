namespace TM.Analysis;

/// <summary>
/// How an English word relates to its family stem (<see cref="EnglishWordFamily"/>), as flags so that a glossary can
/// record which kinds of form it lists under one stem.
/// </summary>
[Flags]
public enum EnglishWordForm : byte
{
    /// <summary>No form: the empty set.</summary>
    None = 0,

    /// <summary>The bare word or its plural / third-person "s", when nothing marks it as a verb: state, states, back.</summary>
    Plain = 1,

    /// <summary>A verb: inflected with -ed or -ing (stated, testified, negotiating), an irregular past (withdrew), or a
    /// bare word with a verb-making suffix, -ify, -ize/-ise or -ate (testify, negotiates).</summary>
    Verbal = 2,

    /// <summary>A noun derived from a verb: statement, testimony, negotiation, negotiator, decision, invasion.</summary>
    Derived = 4,
}
