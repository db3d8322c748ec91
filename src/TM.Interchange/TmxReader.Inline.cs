using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

// The content of <seg>: text, inline elements and their <sub> flows, turned into placeholders and tags.
public sealed partial class TmxReader
{
    private (string Text, InlineTag[] Tags) ReadSegment()
    {
        _segment.Clear();
        _segmentBudget = _options.MaxSegmentLength;
        _segmentLine = Line;
        if (!Xml.IsEmptyElement)
        {
            Push("seg", _segmentLine);
            ReadInline(_segment, "seg");
            Pop();
        }

        return _segment.Build();
    }

    /// <summary>Reads mixed content up to the end tag of the current element: text, inline elements and <c>hi</c> spans.</summary>
    private void ReadInline(SegmentBuilder builder, string container)
    {
        while (Xml.Read())
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    AppendText(builder);
                    break;
                case XmlNodeType.Element:
                    CheckDepth();
                    switch (Xml.LocalName)
                    {
                        case "bpt":
                            AddTag(builder, ReadCode(InlineTagKind.Bpt));
                            break;
                        case "ept":
                            AddTag(builder, ReadCode(InlineTagKind.Ept));
                            break;
                        case "it":
                            AddTag(builder, ReadCode(InlineTagKind.It));
                            break;
                        case "ph":
                            AddTag(builder, ReadCode(InlineTagKind.Ph));
                            break;
                        case "ut":
                            AddTag(builder, ReadCode(InlineTagKind.Ut));
                            break;
                        case "hi":
                            AddTag(builder, InlineTag.FromTrustedParts(InlineTagKind.HiStart, ReadInlineAttributes()));
                            if (!Xml.IsEmptyElement)
                            {
                                ReadInline(builder, "hi");
                            }

                            AddTag(builder, s_hiEnd);
                            break;
                        case "sub":
                            throw Error("<sub> stands only inside <bpt>, <ept>, <it>, <ph> or <ut>, for translatable text within native code; here it is directly in <" + container + ">.");
                        default:
                            throw UnexpectedElement(container, "text and the inline elements <bpt>, <ept>, <it>, <ph>, <hi> and <ut>");
                    }

                    break;
                case XmlNodeType.EndElement:
                    return;
            }
        }
    }

    private InlineTag ReadCode(InlineTagKind kind)
    {
        TmxAttribute[] attributes = ReadInlineAttributes();
        if (Xml.IsEmptyElement)
        {
            return InlineTag.FromTrustedParts(kind, attributes);
        }

        string name = Xml.LocalName;
        StringBuilder code = RentCodeBuilder();
        List<InlineSub>? subs = null;
        try
        {
            while (Xml.Read())
            {
                switch (Xml.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        ReadValue(code, ref _segmentBudget, "seg", _segmentLine);
                        break;
                    case XmlNodeType.Element:
                        CheckDepth();
                        if (Xml.LocalName != "sub")
                        {
                            throw Error($"<{Xml.Name}> cannot stand inside <{name}>, which holds native code as text and <sub> for translatable text within the code.");
                        }

                        (subs ??= []).Add(ReadSub(code.Length));
                        break;
                    case XmlNodeType.EndElement:
                        return InlineTag.FromTrustedParts(kind, attributes, code.ToString(), subs?.ToArray());
                }
            }

            throw Error("the file ends inside <" + name + ">.");
        }
        finally
        {
            _codeDepth--;
        }
    }

    private InlineSub ReadSub(int offset)
    {
        TmxAttribute[] attributes = ReadInlineAttributes();
        var builder = new SegmentBuilder();
        if (!Xml.IsEmptyElement)
        {
            ReadInline(builder, "sub");
        }

        (string text, InlineTag[] tags) = builder.Build();
        return new InlineSub(offset, text, tags, attributes);
    }

    // Code can nest (a <bpt> inside a <sub> inside a <ph>), so each level has its own builder, reused across tags.
    private StringBuilder RentCodeBuilder()
    {
        if (_codeDepth == _codeBuilders.Count)
        {
            _codeBuilders.Add(new StringBuilder());
        }

        StringBuilder builder = _codeBuilders[_codeDepth++];
        builder.Clear();
        return builder;
    }

    private void AppendText(SegmentBuilder builder)
    {
        if (!Xml.CanReadValueChunk)
        {
            string value = Xml.Value;
            Consume(ref _segmentBudget, value.Length, "seg", _segmentLine);
            AppendOrThrow(builder, value);
            return;
        }

        // In chunks: a 50 MB text node is rejected after 100,000 characters instead of being buffered whole.
        int read;
        while ((read = Xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            Consume(ref _segmentBudget, read, "seg", _segmentLine);
            AppendOrThrow(builder, _chunk.AsSpan(0, read));
        }
    }

    private void AppendOrThrow(SegmentBuilder builder, ReadOnlySpan<char> text)
    {
        if (!builder.TryAppend(text))
        {
            throw TooManyTags();
        }
    }

    private void AddTag(SegmentBuilder builder, InlineTag tag)
    {
        if (!builder.TryAddTag(tag))
        {
            throw TooManyTags();
        }
    }

    private TmxAttribute[] ReadInlineAttributes()
    {
        if (!Xml.HasAttributes)
        {
            return [];
        }

        var attributes = new TmxAttribute[Xml.AttributeCount];
        int count = 0;
        while (Xml.MoveToNextAttribute())
        {
            CheckAttributeLength();
            // Namespace declarations and foreign attributes are not TMX and cannot be written back without their declarations.
            if (Xml.Name == "xmlns" || (Xml.Prefix.Length > 0 && Xml.Prefix != "xml"))
            {
                continue;
            }

            attributes[count++] = new TmxAttribute(Xml.Name, Xml.Value);
        }

        Xml.MoveToElement();
        return count == attributes.Length ? attributes : attributes[..count];
    }
}
