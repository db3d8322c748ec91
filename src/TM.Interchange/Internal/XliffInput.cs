using System.Text;
using System.Xml;

namespace TM.Interchange.Internal;

/// <summary>
/// The XML side of <see cref="Xliff2Reader"/> and <see cref="Xliff12Reader"/>: a parser that refuses DTDs and resolves
/// nothing, the limits of <see cref="Xliff2ReadOptions"/>, skipping elements unread, and errors that name the line and
/// the unit they are in.
/// </summary>
internal sealed class XliffInput(Stream stream, string? fileName, Xliff2ReadOptions options, string unitElement) : IDisposable
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 0, // unlimited: the document is streamed, never held
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false, // white space inside <source> and <target> is text
        CheckCharacters = true,
        CloseInput = false,
    };

    private readonly char[] _chunk = new char[4096];
    private XmlReader? _xml;
    private IXmlLineInfo? _lineInfo;
    private int _unitLine;

    /// <summary>The parser; set by <see cref="Open"/>.</summary>
    public XmlReader Xml => _xml!;

    /// <summary>The line the parser is on; 0 before <see cref="Open"/>.</summary>
    public int Line => _lineInfo?.LineNumber ?? 0;

    /// <summary>The id of the unit being read, for errors and <see cref="TranslationUnit.Tuid"/>.</summary>
    public string? UnitId { get; private set; }

    /// <summary>Creates the parser and moves it to the root element.</summary>
    public void Open()
    {
        _xml = XmlReader.Create(stream, s_settings);
        _lineInfo = (IXmlLineInfo)_xml;
        Xml.MoveToContent();
    }

    /// <summary>Notes the unit now being read, so errors inside it can name it.</summary>
    public void EnterUnit(string? id, int line) => (UnitId, _unitLine) = (id, line);

    /// <summary>Runs <paramref name="read"/>, turning the parser's exceptions into <see cref="XliffFormatException"/>s a person can act on.</summary>
    public T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw Translate(e);
        }
    }

    /// <inheritdoc cref="Guard{T}"/>
    public void Guard(Action read) => Guard(() =>
    {
        read();
        return true;
    });

    /// <summary>Appends the text node the parser is on to <paramref name="text"/>, within the segment length limit.</summary>
    public void AppendText(StringBuilder text, string element, int line)
    {
        int read;
        while ((read = Xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            if (text.Length + read > options.MaxSegmentLength)
            {
                throw Error(
                    $"the <{element}> that starts on line {line} is longer than {options.MaxSegmentLength:N0} characters, the limit for one segment; " +
                    "it is a whole document or binary data rather than a sentence. Split or remove this segment.",
                    line);
            }

            text.Append(_chunk, 0, read);
        }
    }

    /// <summary>Moves to the end tag of the current element without keeping its content, so the next read sees what follows it.</summary>
    public void SkipElement()
    {
        if (Xml.IsEmptyElement)
        {
            return;
        }

        int depth = Xml.Depth;
        while (Xml.Read())
        {
            if (Xml.NodeType == XmlNodeType.Element)
            {
                CheckDepth();
            }
            else if (Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>Refuses an element nested deeper than the limit.</summary>
    public void CheckDepth()
    {
        if (Xml.Depth >= options.MaxDepth)
        {
            throw Error($"<{Xml.Name}> is nested {Xml.Depth} elements deep, more than the limit of {options.MaxDepth}; no XLIFF tool nests that deep, so the file is damaged or hostile.");
        }
    }

    /// <summary>The exception for <paramref name="reason"/> at <paramref name="line"/> (0: where the parser is), naming the unit it is in.</summary>
    public XliffFormatException Error(string reason, int line = 0)
    {
        line = line == 0 ? Line : line;
        return new XliffFormatException(char.ToUpperInvariant(reason[0]) + reason[1..] + InUnit(line), fileName, line, line == Line ? _lineInfo?.LinePosition ?? 0 : 0);
    }

    /// <summary>Releases the parser; the stream is left to its owner.</summary>
    public void Dispose() => _xml?.Dispose();

    private string InUnit(int line) => UnitId is not null && _unitLine != line ? $" It is in the <{unitElement} id=\"{UnitId}\"> that starts on line {_unitLine}." : "";

    private XliffFormatException Translate(XmlException e)
    {
        string message = e.Message;
        int at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (at > 0)
        {
            message = message[..at];
        }

        string reason =
            message.Contains("DTD", StringComparison.Ordinal)
                ? "XLIFF files with a DOCTYPE are not accepted: XLIFF uses none, and a DTD can expand entities that read local files (XXE) or explode in size (billion laughs). Remove the DOCTYPE."
            : message.Contains("Unexpected end of file", StringComparison.Ordinal)
                ? "unexpected end of file: the file is cut off. The export or download was probably interrupted; save or download it again."
            : message.Contains("Root element is missing", StringComparison.Ordinal)
                ? "the file holds no XML element: it is empty, or not XML at all."
            : message.Contains("Invalid character in the given encoding", StringComparison.Ordinal)
                ? "the file holds bytes that are not valid in its declared encoding (UTF-8 unless it says otherwise). Save it again as UTF-8."
            : $"the file is not well-formed XML: {message} An unescaped '&' or '<' in a segment is the usual cause.";
        (int line, int position) = (e.LineNumber, e.LinePosition);
        if (line == 0 && _lineInfo is not null)
        {
            // Some parser errors (a prohibited DTD) carry no location of their own; the reader's position is where it stopped.
            (line, position) = (_lineInfo.LineNumber, _lineInfo.LinePosition);
        }

        return new XliffFormatException(char.ToUpperInvariant(reason[0]) + reason[1..] + InUnit(line), fileName, line, position, e);
    }
}
