using System.Xml;

namespace TM.Interchange.Internal;

/// <summary>
/// Writes a text with placeholders as TMX inline content: the text between placeholders, and each placeholder as the
/// element its tag describes (same name, attributes in order, native code, <c>&lt;sub&gt;</c> flows). Shared by the
/// file writer and <see cref="TmxInline"/>, so a segment's markup is written one way only.
/// </summary>
internal static class InlineXml
{
    public static void Write(XmlWriter xml, string text, IReadOnlyList<InlineTag> tags)
    {
        if (tags.Count == 0)
        {
            xml.WriteString(text);
            return;
        }

        int runStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!InlinePlaceholder.IsPlaceholder(text[i]))
            {
                continue;
            }

            if (i > runStart)
            {
                xml.WriteString(text[runStart..i]);
            }

            WriteTag(xml, tags[text[i] - InlinePlaceholder.First]);
            runStart = i + 1;
        }

        if (runStart < text.Length)
        {
            xml.WriteString(text[runStart..]);
        }
    }

    private static void WriteTag(XmlWriter xml, InlineTag tag)
    {
        switch (tag.Kind)
        {
            case InlineTagKind.PrivateUse:
                xml.WriteString(tag.Code);
                return;
            case InlineTagKind.HiStart:
                xml.WriteStartElement("hi");
                WriteAttributes(xml, tag.Attributes);
                return;
            case InlineTagKind.HiEnd:
                xml.WriteFullEndElement();
                return;
        }

        xml.WriteStartElement(tag.ElementName!);
        WriteAttributes(xml, tag.Attributes);
        int position = 0;
        foreach (InlineSub sub in tag.Subs)
        {
            if (sub.Offset > position)
            {
                xml.WriteString(tag.Code[position..sub.Offset]);
            }

            xml.WriteStartElement("sub");
            WriteAttributes(xml, sub.Attributes);
            Write(xml, sub.Text, sub.Tags);
            xml.WriteFullEndElement();
            position = sub.Offset;
        }

        if (position < tag.Code.Length)
        {
            xml.WriteString(tag.Code[position..]);
        }

        xml.WriteEndElement();
    }

    private static void WriteAttributes(XmlWriter xml, IReadOnlyList<TmxAttribute> attributes)
    {
        foreach (TmxAttribute attribute in attributes)
        {
            if (attribute.Name.StartsWith("xml:", StringComparison.Ordinal))
            {
                xml.WriteAttributeString("xml", attribute.Name[4..], null, attribute.Value);
            }
            else
            {
                xml.WriteAttributeString(attribute.Name, attribute.Value);
            }
        }
    }
}
