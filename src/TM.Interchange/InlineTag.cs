using System.Text;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// One inline element of a segment (<c>&lt;bpt&gt;</c>, <c>&lt;ept&gt;</c>, <c>&lt;it&gt;</c>, <c>&lt;ph&gt;</c>,
/// <c>&lt;ut&gt;</c>, either end of <c>&lt;hi&gt;</c>) or a literal private-use character, kept whole so that
/// <see cref="TmxWriter"/> writes back the element that was read: same name, attributes in the same order, same
/// native code, same <c>&lt;sub&gt;</c> flows. Its place in the text is the placeholder
/// <see cref="InlinePlaceholder.ForIndex"/> of its index in the segment's tag list.
/// </summary>
/// <remarks>Immutable; equal when kind, attributes, code and subs are equal.</remarks>
public sealed class InlineTag : IEquatable<InlineTag>
{
    /// <summary>Creates a tag and checks that its parts fit its kind.</summary>
    /// <param name="kind">What the tag stands for.</param>
    /// <param name="attributes">The element's attributes in file order; null means none. <see cref="InlineTagKind.HiEnd"/> and <see cref="InlineTagKind.PrivateUse"/> take none.</param>
    /// <param name="code">
    /// The native code the element holds (<c>&lt;b&gt;</c> inside <c>&lt;bpt&gt;</c>), unescaped, without its
    /// <c>&lt;sub&gt;</c> flows; empty for <see cref="InlineTagKind.HiStart"/> and <see cref="InlineTagKind.HiEnd"/>,
    /// the character itself for <see cref="InlineTagKind.PrivateUse"/>.
    /// </param>
    /// <param name="subs">The <c>&lt;sub&gt;</c> flows inside the code, by ascending <see cref="InlineSub.Offset"/>; null means none. Only code-bearing kinds take them.</param>
    /// <exception cref="ArgumentException">The parts do not fit the kind, an attribute name is not an XML name or appears twice, or the subs are out of order.</exception>
    public InlineTag(InlineTagKind kind, IReadOnlyList<TmxAttribute>? attributes = null, string code = "", IReadOnlyList<InlineSub>? subs = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown inline tag kind.");
        }

        Kind = kind;
        Attributes = InlineMarkup.CopyAttributes(attributes, nameof(attributes));
        Code = code;
        Subs = subs is null || subs.Count == 0 ? [] : [.. subs];

        switch (kind)
        {
            case InlineTagKind.HiStart when code.Length > 0 || Subs.Count > 0:
                throw new ArgumentException("The start of a <hi> span holds no code or subs: its text lies in the segment.", nameof(code));
            case InlineTagKind.HiEnd when code.Length > 0 || Subs.Count > 0 || Attributes.Count > 0:
                throw new ArgumentException("The end of a <hi> span has no attributes, code or subs.", nameof(code));
            case InlineTagKind.PrivateUse when code.Length != 1 || !InlinePlaceholder.IsPlaceholder(code[0]) || Subs.Count > 0 || Attributes.Count > 0:
                throw new ArgumentException("A private-use tag holds exactly one character of U+E000..U+F8FF and nothing else.", nameof(code));
        }

        int previous = 0;
        foreach (InlineSub sub in Subs)
        {
            ArgumentNullException.ThrowIfNull(sub, nameof(subs));
            if (sub.Offset < previous || sub.Offset > code.Length)
            {
                throw new ArgumentException($"Sub offsets must ascend and lie within the code (0..{code.Length}); found {sub.Offset}.", nameof(subs));
            }

            previous = sub.Offset;
        }
    }

    // For the reader, whose tags are valid by construction (names come from the XML parser, subs in document
    // order): a TMX file can hold millions of tags, and copying and re-checking each costs a third of the read.
    private InlineTag(InlineTagKind kind, TmxAttribute[] attributes, string code, InlineSub[]? subs)
    {
        Kind = kind;
        Attributes = attributes;
        Code = code;
        Subs = subs ?? [];
    }

    /// <summary>What the tag stands for.</summary>
    public InlineTagKind Kind { get; }

    /// <summary>The element's attributes in file order; empty when it had none.</summary>
    public IReadOnlyList<TmxAttribute> Attributes { get; }

    /// <summary>The native code, unescaped and without the text of its subs; empty for the ends of <c>&lt;hi&gt;</c>.</summary>
    public string Code { get; }

    /// <summary>The <c>&lt;sub&gt;</c> flows inside <see cref="Code"/>, by ascending offset; empty when none.</summary>
    public IReadOnlyList<InlineSub> Subs { get; }

    /// <summary>The TMX element name (<c>bpt</c>, <c>ept</c>, <c>it</c>, <c>ph</c>, <c>ut</c>, <c>hi</c>), or null for <see cref="InlineTagKind.PrivateUse"/>.</summary>
    public string? ElementName => InlineMarkup.ElementName(Kind);

    /// <summary>A private-use character that was literal text, as a tag.</summary>
    /// <param name="character">A character in U+E000..U+F8FF.</param>
    /// <returns>A tag of kind <see cref="InlineTagKind.PrivateUse"/> whose code is <paramref name="character"/>.</returns>
    public static InlineTag ForPrivateUse(char character) => new(InlineTagKind.PrivateUse, null, character.ToString());

    /// <summary>Creates a tag from parts already known to be valid, taking ownership of the arrays.</summary>
    internal static InlineTag FromTrustedParts(InlineTagKind kind, TmxAttribute[] attributes, string code = "", InlineSub[]? subs = null) =>
        new(kind, attributes, code, subs);

    /// <summary>The value of the attribute named <paramref name="name"/> (ordinal comparison), or null when absent.</summary>
    /// <param name="name">An attribute name such as <c>i</c> or <c>x</c>.</param>
    /// <returns>The value, or null.</returns>
    public string? GetAttribute(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (TmxAttribute attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(InlineTag? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Kind == other.Kind
                && Code == other.Code
                && ListEquality.Equal(Attributes, other.Attributes)
                && ListEquality.Equal(Subs, other.Subs)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InlineTag);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Code, ListEquality.Hash(Attributes), ListEquality.Hash(Subs));

    /// <summary>The tag as TMX markup, for diagnostics: <c>&lt;bpt i="1"&gt;&amp;lt;b&amp;gt;&lt;/bpt&gt;</c>; the end of a <c>hi</c> is <c>&lt;/hi&gt;</c>.</summary>
    /// <returns>The markup.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        InlineMarkup.AppendMarkup(builder, this);
        return builder.ToString();
    }
}
