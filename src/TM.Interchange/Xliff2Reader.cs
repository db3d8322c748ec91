using System.Globalization;
using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Reads the translated segments of an XLIFF 2.x file (from a CAT tool, or written by <see cref="Xliff2Writer"/>
/// and translated since) as Korean-English units, one <c>&lt;segment&gt;</c> at a time, in bounded memory.
/// </summary>
/// <remarks>
/// <para>
/// Which side is Korean follows the document's <c>srcLang</c> and <c>trgLang</c> (<c>ko</c>, <c>ko-KR</c>,
/// <c>en-US</c>… by primary subtag); a document that is not Korean-English either way is refused. Every
/// <c>&lt;segment&gt;</c> counts as one unit in <see cref="Statistics"/>. Only translations are returned: a segment
/// is skipped as <see cref="SkipReason.NotTranslated"/> when it has no target, an empty one, or state
/// <c>initial</c> (also the state of a segment without the attribute), since a pretranslation nobody confirmed must
/// not enter the memory as if a translator had; <c>translated</c>, <c>reviewed</c> and <c>final</c> are read.
/// </para>
/// <para>
/// Inline content is flattened to its text: <c>&lt;pc&gt;</c> and <c>&lt;mrk&gt;</c> keep the text they enclose,
/// <c>&lt;cp hex="…"/&gt;</c> becomes its character, and the codes <c>&lt;ph/&gt;</c>, <c>&lt;sc/&gt;</c>,
/// <c>&lt;ec/&gt;</c>, <c>&lt;sm/&gt;</c>, <c>&lt;em/&gt;</c> are dropped. The project's inline tags model TMX's
/// native-code elements, which XLIFF 2 keeps elsewhere (<c>&lt;originalData&gt;</c>), so mapping them would invent
/// code no tool could restore. Module and extension elements (matches, metadata, notes…) are skipped unread.
/// </para>
/// <para>
/// Security: DTDs are prohibited outright (XLIFF 2 uses none, so a DOCTYPE can only be an XXE or billion-laughs
/// attempt), nothing external is resolved, and segment length and nesting are bounded by <see cref="Xliff2ReadOptions"/>.
/// </para>
/// </remarks>
public sealed class Xliff2Reader : IDisposable
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

    private readonly Stream _stream;
    private readonly Xliff2ReadOptions _options;
    private readonly char[] _chunk = new char[4096];
    private readonly StringBuilder _source = new();
    private readonly StringBuilder _target = new();
    private XmlReader? _xml;
    private IXmlLineInfo? _lineInfo;
    private bool _sourceIsKorean;
    private string? _unitId;
    private int _unitLine;
    private bool _enumerated;
    private bool _disposed;

    /// <summary>Creates a reader; nothing is read until <see cref="ReadUnits"/> is enumerated.</summary>
    /// <param name="stream">The XLIFF bytes. Read forward only; not disposed by the reader.</param>
    /// <param name="fileName">The name to report in errors and in <see cref="TranslationUnit.OriginFile"/>; null when unknown.</param>
    /// <param name="options">Limits; null means <see cref="Xliff2ReadOptions.Default"/>.</param>
    public Xliff2Reader(Stream stream, string? fileName = null, Xliff2ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        _stream = stream;
        FileName = fileName;
        _options = options ?? Xliff2ReadOptions.Default;
    }

    /// <summary>The name reported in errors and in <see cref="TranslationUnit.OriginFile"/>.</summary>
    public string? FileName { get; }

    /// <summary>The document's <c>srcLang</c>; null until enumeration has read the root element.</summary>
    public string? SourceLanguage { get; private set; }

    /// <summary>What the reader did with the segments so far; complete once <see cref="ReadUnits"/> has been enumerated to the end.</summary>
    public ReadStatistics Statistics { get; } = new();

    private XmlReader Xml => _xml!;

    private int Line => _lineInfo?.LineNumber ?? 0;

    /// <summary>
    /// Reads the root element and returns the document's <c>srcLang</c>; later calls return the same. Lets a caller
    /// know the source side before the first unit.
    /// </summary>
    /// <returns>The source language tag as written in the file.</returns>
    /// <exception cref="XliffFormatException">The file is not well-formed, not XLIFF 2.x, or not Korean-English.</exception>
    public string ReadSourceLanguage()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (SourceLanguage is null)
        {
            Guard(ReadRoot);
        }

        return SourceLanguage!;
    }

    /// <summary>The translated Korean-English segments in file order, read as they are enumerated; can be enumerated once.</summary>
    /// <param name="cancellationToken">Checked before each segment.</param>
    /// <returns>The units.</returns>
    /// <exception cref="XliffFormatException">During enumeration: the file is damaged, not XLIFF 2.x Korean-English, or breaks a limit; the message names the line.</exception>
    /// <exception cref="InvalidOperationException">The units were already enumerated.</exception>
    public IEnumerable<TranslationUnit> ReadUnits(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_enumerated)
        {
            throw new InvalidOperationException("The units of an XLIFF file can be enumerated once; create a new reader to read them again.");
        }

        _enumerated = true;
        return Enumerate(cancellationToken);
    }

    /// <summary>Releases the XML parser; the stream is left to its owner.</summary>
    public void Dispose()
    {
        _disposed = true;
        _xml?.Dispose();
    }

    private IEnumerable<TranslationUnit> Enumerate(CancellationToken cancellationToken)
    {
        ReadSourceLanguage();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            TranslationUnit? unit = null;
            bool more = Guard(() => ReadNext(out unit));
            if (!more)
            {
                yield break;
            }

            if (unit is not null)
            {
                yield return unit;
            }
        }
    }

    private T Guard<T>(Func<T> read)
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

    private void Guard(Action read) => Guard(() =>
    {
        read();
        return true;
    });

    private void ReadRoot()
    {
        _xml = XmlReader.Create(_stream, s_settings);
        _lineInfo = (IXmlLineInfo)_xml;
        Xml.MoveToContent();
        if (Xml.NodeType != XmlNodeType.Element || Xml.LocalName != "xliff")
        {
            throw Error($"the root element is <{Xml.Name}>, not <xliff>: this is not an XLIFF file.");
        }

        string version = Xml.GetAttribute("version") ?? "";
        if (Xml.NamespaceURI != XliffNames.Core || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            throw Error($"the file is XLIFF version \"{version}\" (namespace \"{Xml.NamespaceURI}\"); TM reads XLIFF 2.x. Save or export the file as XLIFF 2.0.");
        }

        string? source = Xml.GetAttribute("srcLang");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw Error("<xliff> has no srcLang attribute; XLIFF 2.0 requires it, as in <xliff version=\"2.0\" srcLang=\"ko\" trgLang=\"en\">.");
        }

        string target = Xml.GetAttribute("trgLang") ?? "";
        Side sourceSide = LanguageTags.Classify(source);
        Side targetSide = LanguageTags.Classify(target);
        if (!((sourceSide == Side.Korean && targetSide == Side.English) || (sourceSide == Side.English && targetSide == Side.Korean)))
        {
            throw Error($"the file translates srcLang=\"{source}\" into trgLang=\"{target}\"; TM stores Korean-English pairs, so one language must be Korean and the other English.");
        }

        _sourceIsKorean = sourceSide == Side.Korean;
        SourceLanguage = source;
    }

    /// <summary>Moves to the next segment; false at the end of the document. <paramref name="unit"/> is null for a skipped segment.</summary>
    private bool ReadNext(out TranslationUnit? unit)
    {
        unit = null;
        while (Xml.Read())
        {
            if (Xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            CheckDepth();
            if (Xml.NamespaceURI != XliffNames.Core)
            {
                // A module or extension (mtc:matches, mda:metadata, a tool's own elements): not part of the pair.
                SkipElement();
                continue;
            }

            switch (Xml.LocalName)
            {
                case "file" or "group":
                    break;
                case "unit":
                    _unitId = Xml.GetAttribute("id");
                    _unitLine = Line;
                    break;
                case "segment":
                    unit = ReadSegment();
                    return true;
                case "ignorable" or "notes" or "originalData" or "skeleton":
                    SkipElement();
                    break;
                default:
                    throw Error($"<{Xml.Name}> cannot stand here: XLIFF 2.0 nests <file>, <group>, <unit> and <segment>, with <source> and <target> inside segments.");
            }
        }

        return false;
    }

    private TranslationUnit? ReadSegment()
    {
        int line = Line;
        string stateValue = Xml.GetAttribute("state") ?? "initial";
        XliffSegmentState state = stateValue switch
        {
            "initial" => XliffSegmentState.Initial,
            "translated" => XliffSegmentState.Translated,
            "reviewed" => XliffSegmentState.Reviewed,
            "final" => XliffSegmentState.Final,
            _ => throw Error($"<segment state=\"{stateValue}\"> names no XLIFF 2.0 state; the states are initial, translated, reviewed and final."),
        };
        bool hasSource = false;
        bool hasTarget = false;
        _source.Clear();
        _target.Clear();
        if (!Xml.IsEmptyElement)
        {
            int depth = Xml.Depth;
            while (Xml.Read() && !(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
            {
                if (Xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                CheckDepth();
                switch (Xml.LocalName)
                {
                    case "source" when Xml.NamespaceURI == XliffNames.Core && !hasSource:
                        hasSource = true;
                        ReadContent(_source, "source");
                        break;
                    case "target" when Xml.NamespaceURI == XliffNames.Core && !hasTarget:
                        hasTarget = true;
                        ReadContent(_target, "target");
                        break;
                    default:
                        throw Error($"<{Xml.Name}> cannot stand in <segment>, which holds one <source> and at most one <target>.");
                }
            }
        }

        if (!hasSource)
        {
            throw Error("the <segment> has no <source>; XLIFF 2.0 requires one in every segment.", line);
        }

        if (state == XliffSegmentState.Initial || !hasTarget || _target.Length == 0)
        {
            Statistics.CountSkipped(SkipReason.NotTranslated);
            return null;
        }

        string source = _source.ToString();
        string target = _target.ToString();
        if (SegmentBuilder.IsBlank(source) || SegmentBuilder.IsBlank(target))
        {
            Statistics.CountSkipped(SkipReason.EmptySegment);
            return null;
        }

        Statistics.CountRead();
        TranslationUnit unit = _sourceIsKorean ? TranslationUnit.FromText(source, target) : TranslationUnit.FromText(target, source);
        return unit with { Tuid = _unitId, OriginFile = FileName, OriginLine = line };
    }

    /// <summary>Reads the mixed content of <c>&lt;source&gt;</c> or <c>&lt;target&gt;</c> as plain text, flattening inline elements.</summary>
    private void ReadContent(StringBuilder text, string element)
    {
        if (Xml.IsEmptyElement)
        {
            return;
        }

        int line = Line;
        int depth = Xml.Depth;
        while (Xml.Read())
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    int read;
                    while ((read = Xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                    {
                        if (text.Length + read > _options.MaxSegmentLength)
                        {
                            throw Error(
                                $"the <{element}> that starts on line {line} is longer than {_options.MaxSegmentLength:N0} characters, the limit for one segment; " +
                                "it is a whole document or binary data rather than a sentence. Split or remove this segment.",
                                line);
                        }

                        text.Append(_chunk, 0, read);
                    }

                    break;
                case XmlNodeType.Element:
                    CheckDepth();
                    if (Xml.NamespaceURI != XliffNames.Core)
                    {
                        SkipElement();
                        break;
                    }

                    switch (Xml.LocalName)
                    {
                        case "pc" or "mrk":
                            break; // their text is the segment's text
                        case "cp":
                            AppendCodePoint(text);
                            break;
                        case "ph" or "sc" or "ec" or "sm" or "em":
                            SkipElement();
                            break;
                        default:
                            throw Error($"<{Xml.Name}> cannot stand in <{element}>, which holds text and the inline elements <cp>, <ph>, <pc>, <sc>, <ec>, <mrk>, <sm> and <em>.");
                    }

                    break;
                case XmlNodeType.EndElement when Xml.Depth == depth:
                    return;
            }
        }
    }

    private void AppendCodePoint(StringBuilder text)
    {
        string hex = Xml.GetAttribute("hex") ?? "";
        if (!int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int codePoint) || codePoint is < 0 or > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            throw Error($"<cp hex=\"{hex}\"/> does not name a Unicode code point; hex holds one in hexadecimal, as in <cp hex=\"001A\"/>.");
        }

        string character = char.ConvertFromUtf32(codePoint);
        if (XmlChars.IndexOfInvalid(character) >= 0)
        {
            // A control character: XML, and so every later TMX export of the memory, cannot carry it.
            throw Error($"<cp hex=\"{hex}\"/> stands for {XmlText.Describe(character[0])}, a control character the memory cannot store; remove it from the segment.");
        }

        text.Append(character);
    }

    /// <summary>Moves to the end tag of the current element without keeping its content, so the next read sees what follows it.</summary>
    private void SkipElement()
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

    private void CheckDepth()
    {
        if (Xml.Depth >= _options.MaxDepth)
        {
            throw Error($"<{Xml.Name}> is nested {Xml.Depth} elements deep, more than the limit of {_options.MaxDepth}; no XLIFF tool nests that deep, so the file is damaged or hostile.");
        }
    }

    private XliffFormatException Error(string reason, int line = 0)
    {
        line = line == 0 ? Line : line;
        string unit = _unitId is not null && _unitLine != line ? $" It is in the <unit id=\"{_unitId}\"> that starts on line {_unitLine}." : "";
        return new XliffFormatException(char.ToUpperInvariant(reason[0]) + reason[1..] + unit, FileName, line, line == Line ? _lineInfo?.LinePosition ?? 0 : 0);
    }

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
                ? "XLIFF files with a DOCTYPE are not accepted: XLIFF 2.0 uses none, and a DTD can expand entities that read local files (XXE) or explode in size (billion laughs). Remove the DOCTYPE."
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

        string unit = _unitId is not null && _unitLine != line ? $" It is in the <unit id=\"{_unitId}\"> that starts on line {_unitLine}." : "";
        return new XliffFormatException(char.ToUpperInvariant(reason[0]) + reason[1..] + unit, FileName, line, position, e);
    }
}
