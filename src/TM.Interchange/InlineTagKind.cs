namespace TM.Interchange;

/// <summary>What an <see cref="InlineTag"/> stands for: one of the TMX 1.4b inline elements, or a literal private-use character.</summary>
public enum InlineTagKind
{
    /// <summary><c>&lt;bpt&gt;</c>: the native code that opens a paired span (bold on); matched to its <see cref="Ept"/> by the <c>i</c> attribute.</summary>
    Bpt,

    /// <summary><c>&lt;ept&gt;</c>: the native code that closes a paired span opened by a <see cref="Bpt"/> with the same <c>i</c>.</summary>
    Ept,

    /// <summary><c>&lt;it&gt;</c>: an isolated opening or closing code whose partner lies outside the segment (<c>pos="begin"</c> or <c>"end"</c>).</summary>
    It,

    /// <summary><c>&lt;ph&gt;</c>: a standalone native code (an image, a line break, a field).</summary>
    Ph,

    /// <summary><c>&lt;ut&gt;</c>: an unknown code, deprecated in TMX 1.4b but still written by older Trados versions.</summary>
    Ut,

    /// <summary>The start tag of <c>&lt;hi&gt;</c>, a highlighted span of translatable text; its attributes live here.</summary>
    HiStart,

    /// <summary>The end tag of a <c>&lt;hi&gt;</c> span; it has no attributes or code.</summary>
    HiEnd,

    /// <summary>
    /// A private-use character (U+E000..U+F8FF) that was literal text in the file; kept as a tag so that every
    /// character of that range in segment text is a placeholder (<see cref="InlinePlaceholder"/>). Its
    /// <see cref="InlineTag.Code"/> is the character, written back as plain text.
    /// </summary>
    PrivateUse,
}
