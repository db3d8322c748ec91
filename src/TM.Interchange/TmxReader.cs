using System.Globalization;
using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Reads the Korean-English units of a TMX 1.1–1.4b file as a stream, one <c>&lt;tu&gt;</c> at a time, so a file of
/// any size is read in bounded memory. Inline markup becomes placeholders plus <see cref="InlineTag"/>s
/// (<see cref="InlinePlaceholder"/>); metadata is kept for <see cref="TmxWriter"/> to write back.
/// </summary>
/// <remarks>
/// <para>
/// Languages are matched by primary subtag, ignoring case: <c>ko</c>, <c>ko-KR</c>, <c>KO-kr</c>, <c>kor</c> are
/// Korean; <c>en</c>, <c>en-US</c>, <c>en-GB</c>, <c>eng</c> are English; <c>xml:lang</c> and TMX 1.1's
/// <c>lang</c> both work. A unit without both languages, or with a side that holds only white space and tags, is
/// skipped and counted in <see cref="Statistics"/>; of several variants of one language (en-US and en-GB) the first
/// is used and the unit is counted. Variants in other languages are skipped unread.
/// </para>
/// <para>
/// Security: the XML parser never processes a DTD nor resolves anything external; a DOCTYPE with an internal subset
/// (where XXE and billion-laughs entities are declared) is rejected; segment, attribute and nesting sizes are
/// bounded by <see cref="TmxReadOptions"/>. The document size is not bounded: the file is never held in memory.
/// </para>
/// <para>
/// Not kept: comments and processing instructions, attributes in foreign namespaces, <c>&lt;ude&gt;</c> maps,
/// <c>o-encoding</c>/<c>datatype</c>/<c>segtype</c>/<c>srclang</c> on units and variants, and variants in other
/// languages. Reading is synchronous: for a network source, read on a worker thread or from a file.
/// </para>
/// <para>Usage: <see cref="ReadHeader"/> (optional), then enumerate <see cref="ReadUnits"/> once.</para>
/// </remarks>
public sealed partial class TmxReader : IDisposable
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        // Ignore, not Prohibit: the common <!DOCTYPE tmx SYSTEM "tmx14.dtd"> must pass; XmlProlog refuses the
        // dangerous kind (an internal subset) before the parser starts, and nothing of any DTD is ever processed.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024, // no entity is ever expanded; a bound anyway, as 0 would mean unlimited
        MaxCharactersInDocument = 0, // unlimited: multi-gigabyte TMs exist, and streaming keeps memory flat
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false, // white space inside <seg> is text
        CheckCharacters = true,
        CloseInput = false,
    };

    private static readonly InlineTag s_hiEnd = new(InlineTagKind.HiEnd);

    private readonly Stream _stream;
    private readonly TmxReadOptions _options;
    private readonly char[] _chunk = new char[4096];
    private readonly SegmentBuilder _segment = new();
    private readonly StringBuilder _text = new();
    private readonly List<StringBuilder> _codeBuilders = [];
    private readonly List<(string Name, int Line)> _open = [];
    private readonly TuState _tu = new();
    private XmlReader? _xml;
    private IXmlLineInfo? _lineInfo;
    private TmxHeader? _header;
    private int _segmentBudget;
    private int _segmentLine;
    private int _codeDepth;
    private bool _bodyDone;
    private bool _enumerated;
    private bool _failed;
    private bool _disposed;

    /// <summary>Creates a reader; nothing is read until <see cref="ReadHeader"/> or <see cref="ReadUnits"/>.</summary>
    /// <param name="stream">The TMX bytes. Read forward only; not disposed by the reader.</param>
    /// <param name="fileName">The name to report in errors and in <see cref="TranslationUnit.OriginFile"/>; null when unknown.</param>
    /// <param name="options">Limits; null means <see cref="TmxReadOptions.Default"/>.</param>
    public TmxReader(Stream stream, string? fileName = null, TmxReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        _stream = stream;
        FileName = fileName;
        _options = options ?? TmxReadOptions.Default;
    }

    /// <summary>The name reported in errors and in <see cref="TranslationUnit.OriginFile"/>.</summary>
    public string? FileName { get; }

    /// <summary>What the reader did with the units so far; complete once <see cref="ReadUnits"/> has been enumerated to the end.</summary>
    public ReadStatistics Statistics { get; } = new();

    private XmlReader Xml => _xml!;

    /// <summary>Reads up to the start of <c>&lt;body&gt;</c> and returns the header; later calls return the same header.</summary>
    /// <returns>The header; its members are null or empty where the file has none.</returns>
    /// <exception cref="TmxFormatException">The file is not well-formed, not TMX 1.1–1.4b, or breaks a limit; the message names the line.</exception>
    public TmxHeader ReadHeader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ThrowIfFailed();
        if (_header is null)
        {
            try
            {
                _header = ReadHeaderCore();
            }
            catch (XmlException e)
            {
                throw Fail(Translate(e));
            }
            catch (TmxFormatException)
            {
                _failed = true;
                throw;
            }
        }

        return _header;
    }

    /// <summary>
    /// The Korean-English units of the file in file order, read as they are enumerated. Units without both
    /// languages are skipped and counted in <see cref="Statistics"/>. Can be enumerated once.
    /// </summary>
    /// <param name="cancellationToken">Checked before each unit.</param>
    /// <returns>The units.</returns>
    /// <exception cref="TmxFormatException">During enumeration: the file is damaged or breaks a limit; the message names the line and what to do.</exception>
    /// <exception cref="InvalidOperationException">The units were already enumerated.</exception>
    public IEnumerable<TranslationUnit> ReadUnits(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_enumerated)
        {
            throw new InvalidOperationException("The units of a TMX file can be enumerated once; create a new reader to read them again.");
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
        ReadHeader();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            TranslationUnit? unit = ReadNextUnit();
            if (unit is null)
            {
                yield break;
            }

            yield return unit;
        }
    }

    private TranslationUnit? ReadNextUnit()
    {
        ThrowIfFailed();
        try
        {
            return ReadNextUnitCore();
        }
        catch (XmlException e)
        {
            throw Fail(Translate(e));
        }
        catch (TmxFormatException)
        {
            _failed = true;
            throw;
        }
    }

    private TmxHeader ReadHeaderCore()
    {
        _xml = XmlReader.Create(XmlProlog.Open(_stream, FileName), s_settings);
        _lineInfo = (IXmlLineInfo)_xml;
        Xml.MoveToContent();
        if (Xml.NodeType != XmlNodeType.Element)
        {
            throw Error("the file holds no XML element. A TMX file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and a <tmx> element.");
        }

        if (Xml.LocalName != "tmx")
        {
            string hint = Xml.LocalName == "xliff" ? " It is an XLIFF file: export the translation memory as TMX instead." : "";
            throw Error($"the root element is <{Xml.Name}>, not <tmx>: this is not a TMX file.{hint}");
        }

        CheckAttributes();
        string? version = Xml.GetAttribute("version");
        if (version is not null && !IsSupportedVersion(version))
        {
            throw Error($"the file is TMX version \"{version}\"; TM reads TMX 1.1 to 1.4b. Export the memory as TMX 1.4b, which every CAT tool offers.");
        }

        Push("tmx");
        if (Xml.IsEmptyElement)
        {
            throw Error("the <tmx> element is empty: a TMX file holds a <header> and a <body> with the <tu> units.");
        }

        TmxHeader? header = null;
        while (Xml.Read())
        {
            if (Xml.NodeType == XmlNodeType.EndElement)
            {
                throw Error("the <tmx> element has no <body>: there are no units to read.");
            }

            if (Xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            CheckDepth();
            switch (Xml.LocalName)
            {
                case "header" when header is null:
                    header = ReadHeaderElement(version);
                    break;
                case "body":
                    header ??= new TmxHeader { Version = version };
                    if (Xml.IsEmptyElement)
                    {
                        _bodyDone = true;
                    }
                    else
                    {
                        Push("body");
                    }

                    return header;
                default:
                    throw UnexpectedElement("tmx", "a <header> followed by a <body>");
            }
        }

        throw Error("the file ends before <body>.");
    }

    private TmxHeader ReadHeaderElement(string? version)
    {
        CheckAttributes();
        var header = new TmxHeader
        {
            Version = version,
            CreationTool = Xml.GetAttribute("creationtool"),
            CreationToolVersion = Xml.GetAttribute("creationtoolversion"),
            SegmentType = Xml.GetAttribute("segtype"),
            OriginalFormat = Xml.GetAttribute("o-tmf"),
            AdminLanguage = Xml.GetAttribute("adminlang"),
            SourceLanguage = Xml.GetAttribute("srclang"),
            DataType = Xml.GetAttribute("datatype"),
            OriginalEncoding = Xml.GetAttribute("o-encoding"),
            CreationDate = DateAttribute("creationdate"),
            CreationId = Xml.GetAttribute("creationid"),
            ChangeDate = DateAttribute("changedate"),
            ChangeId = Xml.GetAttribute("changeid"),
        };
        if (Xml.IsEmptyElement)
        {
            return header;
        }

        Push("header");
        List<TmxProperty>? properties = null;
        List<TmxNote>? notes = null;
        while (Xml.Read() && Xml.NodeType != XmlNodeType.EndElement)
        {
            if (Xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            CheckDepth();
            switch (Xml.LocalName)
            {
                case "prop":
                    (properties ??= []).Add(ReadProperty());
                    break;
                case "note":
                    (notes ??= []).Add(ReadNote());
                    break;
                case "ude":
                    SkipElement();
                    break;
                default:
                    throw UnexpectedElement("header", "<prop>, <note> and <ude>");
            }
        }

        Pop();
        header.Properties = properties?.ToArray() ?? [];
        header.Notes = notes?.ToArray() ?? [];
        return header;
    }

    private TranslationUnit? ReadNextUnitCore()
    {
        while (!_bodyDone && Xml.Read())
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Element:
                    CheckDepth();
                    if (Xml.LocalName != "tu")
                    {
                        throw UnexpectedElement("body", "<tu>");
                    }

                    TranslationUnit? unit = ReadUnit();
                    if (unit is not null)
                    {
                        Statistics.CountRead();
                        return unit;
                    }

                    break;
                case XmlNodeType.EndElement:
                    Pop();
                    _bodyDone = true;
                    break;
            }
        }

        // Read to the end, so a file cut off after </body> is reported rather than taken as complete.
        while (Xml.Read())
        {
            if (Xml.NodeType == XmlNodeType.Element)
            {
                throw UnexpectedElement("tmx", "nothing after </body>");
            }
        }

        return null;
    }

    private TranslationUnit? ReadUnit()
    {
        int line = Line;
        CheckAttributes();
        _tu.Reset();
        string? tuid = Xml.GetAttribute("tuid");
        DateTimeOffset? creationDate = DateAttribute("creationdate");
        string? creationId = Xml.GetAttribute("creationid");
        DateTimeOffset? changeDate = DateAttribute("changedate");
        string? changeId = Xml.GetAttribute("changeid");
        DateTimeOffset? lastUsageDate = DateAttribute("lastusagedate");
        int? usageCount = UsageCountAttribute();
        if (!Xml.IsEmptyElement)
        {
            Push("tu", line);
            while (Xml.Read() && Xml.NodeType != XmlNodeType.EndElement)
            {
                if (Xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                CheckDepth();
                switch (Xml.LocalName)
                {
                    case "prop":
                        _tu.Properties.Add(ReadProperty());
                        break;
                    case "note":
                        _tu.Notes.Add(ReadNote());
                        break;
                    case "tuv":
                        ReadVariant();
                        break;
                    default:
                        throw UnexpectedElement("tu", "<prop>, <note> and <tuv>");
                }
            }

            Pop();
        }

        if (_tu.ExtraVariants)
        {
            Statistics.CountExtraVariants();
        }

        SkipReason? skip = (_tu.Korean, _tu.English) switch
        {
            (null, null) => SkipReason.OtherLanguages,
            (null, _) => SkipReason.MissingKorean,
            (_, null) => SkipReason.MissingEnglish,
            _ when SegmentBuilder.IsBlank(_tu.Korean.Value.Text) || SegmentBuilder.IsBlank(_tu.English.Value.Text) => SkipReason.EmptySegment,
            _ => null,
        };
        if (skip is { } reason)
        {
            Statistics.CountSkipped(reason);
            return null;
        }

        Variant korean = _tu.Korean!.Value;
        Variant english = _tu.English!.Value;
        return new TranslationUnit(korean.Text, korean.Tags, english.Text, english.Tags)
        {
            Tuid = tuid,
            CreationDate = creationDate,
            CreationId = creationId,
            ChangeDate = changeDate,
            ChangeId = changeId,
            UsageCount = usageCount,
            LastUsageDate = lastUsageDate,
            Properties = _tu.Properties.Count == 0 ? [] : _tu.Properties.ToArray(),
            Notes = _tu.Notes.Count == 0 ? [] : _tu.Notes.ToArray(),
            KoreanMetadata = korean.Metadata,
            EnglishMetadata = english.Metadata,
            OriginFile = FileName,
            OriginLine = line,
        };
    }

    private void ReadVariant()
    {
        int line = Line;
        int position = Position;
        CheckAttributes();
        string? language = Xml.GetAttribute("xml:lang") ?? Xml.GetAttribute("lang");
        if (language is null)
        {
            throw Error("the <tuv> has no xml:lang attribute: every variant must name its language, as in <tuv xml:lang=\"ko-KR\">.");
        }

        Side side = LanguageTags.Classify(language);
        if (side == Side.Other)
        {
            SkipElement();
            return;
        }

        if ((side == Side.Korean && _tu.Korean is not null) || (side == Side.English && _tu.English is not null))
        {
            _tu.ExtraVariants = true;
            SkipElement();
            return;
        }

        DateTimeOffset? creationDate = DateAttribute("creationdate");
        string? creationId = Xml.GetAttribute("creationid");
        DateTimeOffset? changeDate = DateAttribute("changedate");
        string? changeId = Xml.GetAttribute("changeid");
        List<TmxProperty>? properties = null;
        List<TmxNote>? notes = null;
        (string Text, InlineTag[] Tags)? segment = null;
        if (!Xml.IsEmptyElement)
        {
            Push("tuv", line);
            while (Xml.Read() && Xml.NodeType != XmlNodeType.EndElement)
            {
                if (Xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                CheckDepth();
                switch (Xml.LocalName)
                {
                    case "prop":
                        (properties ??= []).Add(ReadProperty());
                        break;
                    case "note":
                        (notes ??= []).Add(ReadNote());
                        break;
                    case "seg" when segment is null:
                        segment = ReadSegment();
                        break;
                    case "seg":
                        throw Error($"the <tuv xml:lang=\"{language}\"> holds a second <seg>; a variant holds exactly one. Merge the two or remove one.");
                    default:
                        throw UnexpectedElement("tuv", "<prop>, <note> and one <seg>");
                }
            }

            Pop();
        }

        if (segment is not { } found)
        {
            throw Error(
                $"the <tuv xml:lang=\"{language}\"> has no <seg>: every variant must hold exactly one <seg> with its text. " +
                "The file is damaged or was not written by a TMX tool; add the <seg> or remove this <tu>.",
                line,
                position);
        }

        var metadata = properties is null && notes is null && creationDate is null && creationId is null && changeDate is null && changeId is null
            ? VariantMetadata.Empty
            : new VariantMetadata
            {
                CreationDate = creationDate,
                CreationId = creationId,
                ChangeDate = changeDate,
                ChangeId = changeId,
                Properties = properties?.ToArray() ?? [],
                Notes = notes?.ToArray() ?? [],
            };
        var variant = new Variant(found.Text, found.Tags, metadata);
        if (side == Side.Korean)
        {
            _tu.Korean = variant;
        }
        else
        {
            _tu.English = variant;
        }
    }

    private TmxProperty ReadProperty()
    {
        string type = Xml.GetAttribute("type") ?? "";
        string? language = Xml.GetAttribute("xml:lang");
        CheckAttributes();
        return new TmxProperty(type, ReadTextOnly("prop"), language);
    }

    private TmxNote ReadNote()
    {
        string? language = Xml.GetAttribute("xml:lang");
        CheckAttributes();
        return new TmxNote(ReadTextOnly("note"), language);
    }

    /// <summary>Reads an element that holds only text, such as <c>prop</c> and <c>note</c>, within the segment length limit.</summary>
    private string ReadTextOnly(string name)
    {
        if (Xml.IsEmptyElement)
        {
            return "";
        }

        int line = Line;
        int budget = _options.MaxSegmentLength;
        _text.Clear();
        Push(name, line);
        while (Xml.Read())
        {
            switch (Xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    ReadValue(_text, ref budget, name, line);
                    break;
                case XmlNodeType.Element:
                    throw Error($"<{name}> holds only text, but contains <{Xml.Name}>.");
                case XmlNodeType.EndElement:
                    Pop();
                    return _text.ToString();
            }
        }

        throw Error("the file ends inside <" + name + ">.");
    }

    private void ReadValue(StringBuilder target, ref int budget, string element, int line)
    {
        if (!Xml.CanReadValueChunk)
        {
            string value = Xml.Value;
            Consume(ref budget, value.Length, element, line);
            target.Append(value);
            return;
        }

        int read;
        while ((read = Xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            Consume(ref budget, read, element, line);
            target.Append(_chunk, 0, read);
        }
    }

    private void Consume(ref int budget, int count, string element, int line)
    {
        budget -= count;
        if (budget < 0)
        {
            throw Error(
                $"the <{element}> that starts on line {line} is longer than {_options.MaxSegmentLength:N0} characters, the limit for one segment. " +
                "It is most likely not a sentence but a whole document or binary data pasted into the memory; shorten or remove this <tu>, or raise MaxSegmentLength.",
                line,
                0);
        }
    }

    private void CheckAttributes()
    {
        if (!Xml.HasAttributes)
        {
            return;
        }

        while (Xml.MoveToNextAttribute())
        {
            CheckAttributeLength();
        }

        Xml.MoveToElement();
    }

    private void CheckAttributeLength()
    {
        if (Xml.Value.Length > _options.MaxAttributeLength)
        {
            string name = Xml.Name;
            Xml.MoveToElement();
            throw Error($"the attribute {name} of <{Xml.Name}> is longer than {_options.MaxAttributeLength:N0} characters, the limit for an attribute value.");
        }
    }

    private void CheckDepth()
    {
        if (Xml.Depth >= _options.MaxDepth)
        {
            throw Error($"<{Xml.Name}> is nested {Xml.Depth} elements deep, more than the limit of {_options.MaxDepth}; no TMX tool nests that deep, so the file is damaged or hostile.");
        }
    }

    /// <summary>Moves to the end tag of the current element without keeping its content (text is skipped, never buffered).</summary>
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

    private DateTimeOffset? DateAttribute(string name)
    {
        string? value = Xml.GetAttribute(name);
        if (value is null)
        {
            return null;
        }

        if (!TmxDates.TryParse(value, out DateTimeOffset date))
        {
            throw Error($"the attribute {name}=\"{value}\" on <{Xml.Name}> is not a date. TMX dates are UTC in the form YYYYMMDDThhmmssZ, as in 20240315T091501Z.");
        }

        return date;
    }

    private int? UsageCountAttribute()
    {
        string? value = Xml.GetAttribute("usagecount");
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw Error($"usagecount=\"{value}\" on <tu> is not a whole number of zero or more.");
        }

        return count;
    }

    private static bool IsSupportedVersion(string version) =>
        version.Trim().ToLowerInvariant() is "1.1" or "1.2" or "1.3" or "1.4" or "1.4a" or "1.4b";

    private int Line => _lineInfo?.LineNumber ?? 0;

    private int Position => _lineInfo?.LinePosition ?? 0;

    private void Push(string name, int line = 0) => _open.Add((name, line == 0 ? Line : line));

    private void Pop() => _open.RemoveAt(_open.Count - 1);

    private readonly record struct Variant(string Text, InlineTag[] Tags, VariantMetadata Metadata);

    /// <summary>What the current unit has gathered so far; one instance reused for every unit.</summary>
    private sealed class TuState
    {
        public List<TmxProperty> Properties { get; } = [];

        public List<TmxNote> Notes { get; } = [];

        public Variant? Korean { get; set; }

        public Variant? English { get; set; }

        public bool ExtraVariants { get; set; }

        public void Reset()
        {
            Properties.Clear();
            Notes.Clear();
            Korean = null;
            English = null;
            ExtraVariants = false;
        }
    }
}
