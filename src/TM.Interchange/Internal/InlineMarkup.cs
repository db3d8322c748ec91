using System.Text;
using System.Xml;

namespace TM.Interchange.Internal;

/// <summary>Checks and renders the placeholder-plus-tags form shared by segments and subs.</summary>
internal static class InlineMarkup
{
    public static string? ElementName(InlineTagKind kind) => kind switch
    {
        InlineTagKind.Bpt => "bpt",
        InlineTagKind.Ept => "ept",
        InlineTagKind.It => "it",
        InlineTagKind.Ph => "ph",
        InlineTagKind.Ut => "ut",
        InlineTagKind.HiStart or InlineTagKind.HiEnd => "hi",
        _ => null,
    };

    /// <summary>
    /// Checks that every placeholder of <paramref name="text"/> names a tag, that each tag is placed exactly once,
    /// and that <c>hi</c> starts and ends nest: the invariants <see cref="TmxWriter"/> relies on to write
    /// well-formed XML.
    /// </summary>
    public static void Validate(string text, IReadOnlyList<InlineTag> tags, string paramName)
    {
        if (tags.Count > InlinePlaceholder.MaxCount)
        {
            throw new ArgumentException($"A segment holds at most {InlinePlaceholder.MaxCount} inline tags; this one has {tags.Count}.", paramName);
        }

        int placed = 0;
        int openHi = 0;
        Span<bool> seen = tags.Count <= 256 ? stackalloc bool[tags.Count] : new bool[tags.Count];
        ReadOnlySpan<char> rest = text;
        int offset = 0;
        int next;
        while ((next = rest.IndexOfAnyInRange(InlinePlaceholder.First, InlinePlaceholder.Last)) >= 0)
        {
            int index = rest[next] - InlinePlaceholder.First;
            int at = offset + next;
            if (index >= tags.Count)
            {
                throw new ArgumentException($"The placeholder U+{(int)rest[next]:X4} at offset {at} names tag {index}, but there are only {tags.Count} tags.", paramName);
            }

            if (seen[index])
            {
                throw new ArgumentException($"Tag {index} is placed twice (again at offset {at}); each tag is placed exactly once.", paramName);
            }

            seen[index] = true;
            placed++;
            InlineTag tag = tags[index] ?? throw new ArgumentException($"Tag {index} is null.", paramName);
            if (tag.Kind == InlineTagKind.HiStart)
            {
                openHi++;
            }
            else if (tag.Kind == InlineTagKind.HiEnd && --openHi < 0)
            {
                throw new ArgumentException($"The end of a <hi> span at offset {at} has no start before it.", paramName);
            }

            offset = at + 1;
            rest = rest[(next + 1)..];
        }

        if (openHi > 0)
        {
            throw new ArgumentException($"{openHi} <hi> span(s) are not closed.", paramName);
        }

        if (placed != tags.Count)
        {
            throw new ArgumentException($"{tags.Count - placed} of {tags.Count} tags have no placeholder in the text.", paramName);
        }
    }

    public static IReadOnlyList<TmxAttribute> CopyAttributes(IReadOnlyList<TmxAttribute>? attributes, string paramName)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return [];
        }

        var copy = new TmxAttribute[attributes.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            TmxAttribute attribute = attributes[i];
            if (attribute.Name is null || attribute.Value is null)
            {
                throw new ArgumentException("Attribute names and values cannot be null.", paramName);
            }

            string local = attribute.Name.StartsWith("xml:", StringComparison.Ordinal) ? attribute.Name[4..] : attribute.Name;
            if (!IsNCName(local))
            {
                throw new ArgumentException($"\"{attribute.Name}\" is not an attribute name TMX can hold (a name without a prefix, or xml: plus a name).", paramName);
            }

            for (int j = 0; j < i; j++)
            {
                if (copy[j].Name == attribute.Name)
                {
                    throw new ArgumentException($"The attribute \"{attribute.Name}\" appears twice.", paramName);
                }
            }

            copy[i] = attribute;
        }

        return copy;
    }

    private static bool IsNCName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    public static void AppendMarkup(StringBuilder builder, InlineTag tag)
    {
        string? name = tag.ElementName;
        if (name is null)
        {
            builder.Append(tag.Code);
            return;
        }

        if (tag.Kind == InlineTagKind.HiEnd)
        {
            builder.Append("</hi>");
            return;
        }

        builder.Append('<').Append(name);
        AppendAttributes(builder, tag.Attributes);
        if (tag.Kind == InlineTagKind.HiStart)
        {
            builder.Append('>');
            return;
        }

        builder.Append('>');
        int position = 0;
        foreach (InlineSub sub in tag.Subs)
        {
            AppendEscaped(builder, tag.Code.AsSpan(position, sub.Offset - position));
            AppendSub(builder, sub);
            position = sub.Offset;
        }

        AppendEscaped(builder, tag.Code.AsSpan(position));
        builder.Append("</").Append(name).Append('>');
    }

    public static void AppendSub(StringBuilder builder, InlineSub sub)
    {
        builder.Append("<sub");
        AppendAttributes(builder, sub.Attributes);
        builder.Append('>');
        foreach (char c in sub.Text)
        {
            if (InlinePlaceholder.IsPlaceholder(c))
            {
                AppendMarkup(builder, sub.Tags[c - InlinePlaceholder.First]);
            }
            else
            {
                AppendEscaped(builder, new ReadOnlySpan<char>(in c));
            }
        }

        builder.Append("</sub>");
    }

    private static void AppendAttributes(StringBuilder builder, IReadOnlyList<TmxAttribute> attributes)
    {
        foreach (TmxAttribute attribute in attributes)
        {
            builder.Append(' ').Append(attribute.Name).Append("=\"");
            AppendEscaped(builder, attribute.Value, inAttribute: true);
            builder.Append('"');
        }
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text, bool inAttribute = false)
    {
        foreach (char c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' when inAttribute => builder.Append("&quot;"),
                _ => builder.Append(c),
            };
        }
    }
}
