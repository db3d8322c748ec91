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
    private readonly XliffInput _input;
    private readonly StringBuilder _source = new();
    private readonly StringBuilder _target = new();
    private bool _sourceIsKorean;
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

        FileName = fileName;
        _input = new XliffInput(stream, fileName, options ?? Xliff2ReadOptions.Default, "unit");
    }

    /// <summary>The name reported in errors and in <see cref="TranslationUnit.OriginFile"/>.</summary>
    public string? FileName { get; }

    /// <summary>The document's <c>srcLang</c>; null until enumeration has read the root element.</summary>
    public string? SourceLanguage { get; private set; }

    /// <summary>What the reader did with the segments so far; complete once <see cref="ReadUnits"/> has been enumerated to the end.</summary>
    public ReadStatistics Statistics { get; } = new();

    private XmlReader Xml => _input.Xml;

    private int Line => _input.Line;

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
            _input.Guard(ReadRoot);
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
        _input.Dispose();
    }

    private IEnumerable<TranslationUnit> Enumerate(CancellationToken cancellationToken)
    {
        ReadSourceLanguage();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            TranslationUnit? unit = null;
            bool more = _input.Guard(() => ReadNext(out unit));
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

    private void ReadRoot()
    {
        _input.Open();
        if (Xml.NodeType != XmlNodeType.Element || Xml.LocalName != "xliff")
        {
            throw _input.Error($"the root element is <{Xml.Name}>, not <xliff>: this is not an XLIFF file.");
        }

        string version = Xml.GetAttribute("version") ?? "";
        if (Xml.NamespaceURI != XliffNames.Core || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            throw _input.Error($"the file is XLIFF version \"{version}\" (namespace \"{Xml.NamespaceURI}\"); TM reads XLIFF 2.x. Save or export the file as XLIFF 2.0.");
        }

        string? source = Xml.GetAttribute("srcLang");
        if (string.IsNullOrWhiteSpace(source))
        {
            throw _input.Error("<xliff> has no srcLang attribute; XLIFF 2.0 requires it, as in <xliff version=\"2.0\" srcLang=\"ko\" trgLang=\"en\">.");
        }

        string target = Xml.GetAttribute("trgLang") ?? "";
        Side sourceSide = LanguageTags.Classify(source);
        Side targetSide = LanguageTags.Classify(target);
        if (!((sourceSide == Side.Korean && targetSide == Side.English) || (sourceSide == Side.English && targetSide == Side.Korean)))
        {
            throw _input.Error($"the file translates srcLang=\"{source}\" into trgLang=\"{target}\"; TM stores Korean-English pairs, so one language must be Korean and the other English.");
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

            _input.CheckDepth();
            if (Xml.NamespaceURI != XliffNames.Core)
            {
                // A module or extension (mtc:matches, mda:metadata, a tool's own elements): not part of the pair.
                _input.SkipElement();
                continue;
            }

            switch (Xml.LocalName)
            {
                case "file" or "group":
                    break;
                case "unit":
                    _input.EnterUnit(Xml.GetAttribute("id"), Line);
                    break;
                case "segment":
                    unit = ReadSegment();
                    return true;
                case "ignorable" or "notes" or "originalData" or "skeleton":
                    _input.SkipElement();
                    break;
                default:
                    throw _input.Error($"<{Xml.Name}> cannot stand here: XLIFF 2.0 nests <file>, <group>, <unit> and <segment>, with <source> and <target> inside segments.");
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
            _ => throw _input.Error($"<segment state=\"{stateValue}\"> names no XLIFF 2.0 state; the states are initial, translated, reviewed and final."),
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

                _input.CheckDepth();
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
                        throw _input.Error($"<{Xml.Name}> cannot stand in <segment>, which holds one <source> and at most one <target>.");
                }
            }
        }

        if (!hasSource)
        {
            throw _input.Error("the <segment> has no <source>; XLIFF 2.0 requires one in every segment.", line);
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
        return unit with { Tuid = _input.UnitId, OriginFile = FileName, OriginLine = line };
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
                    _input.AppendText(text, element, line);
                    break;
                case XmlNodeType.Element:
                    _input.CheckDepth();
                    if (Xml.NamespaceURI != XliffNames.Core)
                    {
                        _input.SkipElement();
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
                            _input.SkipElement();
                            break;
                        default:
                            throw _input.Error($"<{Xml.Name}> cannot stand in <{element}>, which holds text and the inline elements <cp>, <ph>, <pc>, <sc>, <ec>, <mrk>, <sm> and <em>.");
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
            throw _input.Error($"<cp hex=\"{hex}\"/> does not name a Unicode code point; hex holds one in hexadecimal, as in <cp hex=\"001A\"/>.");
        }

        string character = char.ConvertFromUtf32(codePoint);
        if (XmlChars.IndexOfInvalid(character) >= 0)
        {
            // A control character: XML, and so every later TMX export of the memory, cannot carry it.
            throw _input.Error($"<cp hex=\"{hex}\"/> stands for {XmlText.Describe(character[0])}, a control character the memory cannot store; remove it from the segment.");
        }

        text.Append(character);
    }
}
