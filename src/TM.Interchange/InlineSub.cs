using System.Text;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// A TMX <c>&lt;sub&gt;</c>: translatable text inside the native code of an inline element (the <c>alt</c> text of
/// an image in a <c>&lt;ph&gt;</c>, a footnote in a <c>&lt;bpt&gt;</c>). Its text follows the same placeholder
/// contract as a segment (<see cref="InlinePlaceholder"/>) with its own tag list.
/// </summary>
/// <remarks>Immutable; equal when offset, attributes, text and tags are equal.</remarks>
public sealed class InlineSub : IEquatable<InlineSub>
{
    /// <summary>Creates a sub and checks that its text and tags agree.</summary>
    /// <param name="offset">Where in the owning tag's <see cref="InlineTag.Code"/> the sub sits (0 = before the first code character).</param>
    /// <param name="text">The sub's text with one placeholder per tag.</param>
    /// <param name="tags">The tags of <paramref name="text"/>; null means none.</param>
    /// <param name="attributes">The <c>&lt;sub&gt;</c> attributes (<c>datatype</c>, <c>type</c>) in file order; null means none.</param>
    /// <exception cref="ArgumentException">The placeholders in <paramref name="text"/> do not match <paramref name="tags"/> one to one, or a <c>hi</c> span is not closed.</exception>
    public InlineSub(int offset, string text, IReadOnlyList<InlineTag>? tags = null, IReadOnlyList<TmxAttribute>? attributes = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentNullException.ThrowIfNull(text);
        Offset = offset;
        Text = text;
        Tags = tags is null || tags.Count == 0 ? [] : [.. tags];
        Attributes = InlineMarkup.CopyAttributes(attributes, nameof(attributes));
        InlineMarkup.Validate(text, Tags, nameof(text));
    }

    /// <summary>Where in the owning tag's code the sub sits.</summary>
    public int Offset { get; }

    /// <summary>The sub's text with one placeholder per tag.</summary>
    public string Text { get; }

    /// <summary>The tags of <see cref="Text"/>; empty when none.</summary>
    public IReadOnlyList<InlineTag> Tags { get; }

    /// <summary>The <c>&lt;sub&gt;</c> attributes in file order; empty when none.</summary>
    public IReadOnlyList<TmxAttribute> Attributes { get; }

    /// <inheritdoc />
    public bool Equals(InlineSub? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Offset == other.Offset
                && Text == other.Text
                && ListEquality.Equal(Attributes, other.Attributes)
                && ListEquality.Equal(Tags, other.Tags)));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InlineSub);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Offset, Text, ListEquality.Hash(Attributes), ListEquality.Hash(Tags));

    /// <summary>The sub as TMX markup, for diagnostics.</summary>
    /// <returns>The markup.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        InlineMarkup.AppendSub(builder, this);
        return builder.ToString();
    }
}
