using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// A segment's text with its inline tags as TMX 1.4b inline content, the children of a <c>&lt;seg&gt;</c>: what a CAT
/// tool needs to put a match's formatting back (Lookup and Concordance hand it out beside the plain text), and the
/// plain text itself.
/// </summary>
public static class TmxInline
{
    private static readonly XmlWriterSettings Settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Indent = false,
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    /// <summary>
    /// Renders <paramref name="text"/> (one placeholder per tag) as TMX inline XML: text escaped, each placeholder as
    /// its element (<c>&lt;bpt&gt;</c>, <c>&lt;ept&gt;</c>, <c>&lt;ph&gt;</c>, <c>&lt;it&gt;</c>, <c>&lt;ut&gt;</c>,
    /// <c>&lt;hi&gt;</c>), exactly as ExportTmx writes it inside <c>&lt;seg&gt;</c>.
    /// </summary>
    /// <param name="text">The text with placeholders.</param>
    /// <param name="tags">Its tags by placeholder index; empty for a text without markup.</param>
    /// <returns>The inline XML; for a text without tags, the text XML-escaped.</returns>
    /// <exception cref="ArgumentException">The placeholders do not match the tags, or the text holds a character XML cannot represent.</exception>
    public static string ToXml(string text, IReadOnlyList<InlineTag> tags)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tags);
        InlineMarkup.Validate(text, tags, nameof(text));
        return Render(text, tags);
    }

    /// <summary>
    /// Escapes a text that has no markup for TMX inline content; a private-use character in it is written as itself.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text XML-escaped (a carriage return as <c>&amp;#xD;</c>).</returns>
    /// <exception cref="ArgumentException">The text holds a character XML cannot represent (a control character, a lone surrogate).</exception>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Render(text, []);
    }

    /// <summary>
    /// The text a reader sees: each tag left out, except a literal private-use character, which is part of the text.
    /// </summary>
    /// <param name="text">The text with placeholders.</param>
    /// <param name="tags">Its tags by placeholder index.</param>
    /// <exception cref="ArgumentException">The placeholders do not match the tags.</exception>
    public static string ToPlainText(string text, IReadOnlyList<InlineTag> tags)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tags);
        InlineMarkup.Validate(text, tags, nameof(text));
        if (tags.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (!InlinePlaceholder.IsPlaceholder(c))
            {
                builder.Append(c);
            }
            else if (tags[InlinePlaceholder.IndexOf(c)] is { Kind: InlineTagKind.PrivateUse } literal)
            {
                builder.Append(literal.Code);
            }
        }

        return builder.ToString();
    }

    private static string Render(string text, IReadOnlyList<InlineTag> tags)
    {
        var builder = new StringBuilder(text.Length + 16);
        using (var xml = XmlWriter.Create(builder, Settings))
        {
            InlineXml.Write(xml, text, tags);
        }

        return builder.ToString();
    }
}
