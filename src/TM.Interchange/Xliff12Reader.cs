using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Reads the translated units of an XLIFF 1.2 file (the version most CAT tools still export, or one written by
/// <see cref="Xliff12Writer"/> and translated since) as Korean-English units, one <c>&lt;trans-unit&gt;</c> at a
/// time, in bounded memory.
/// </summary>
/// <remarks>
/// <para>
/// Which side is Korean follows each <c>&lt;file&gt;</c>'s <c>source-language</c> and <c>target-language</c> (by
/// primary subtag); a file that is not Korean-English either way is refused. Every <c>&lt;trans-unit&gt;</c> counts as
/// one unit in <see cref="Statistics"/>. Only confirmed translations are returned: a unit whose target is approved
/// (<c>approved="yes"</c>) or in state <c>translated</c>, <c>signed-off</c> or <c>final</c>; any other state, or none
/// (1.2 gives a target without a state no meaning, and pretranslated drafts often look like that), is skipped as
/// <see cref="SkipReason.NotTranslated"/>, as is a unit without a target or with an empty one.
/// </para>
/// <para>
/// Inline content is flattened to its text: <c>&lt;g&gt;</c> and <c>&lt;mrk&gt;</c> keep the text they enclose; the
/// placeholders <c>&lt;x/&gt;</c>, <c>&lt;bx/&gt;</c>, <c>&lt;ex/&gt;</c> and the native codes in <c>&lt;ph&gt;</c>,
/// <c>&lt;bpt&gt;</c>, <c>&lt;ept&gt;</c>, <c>&lt;it&gt;</c> are dropped. Headers, <c>&lt;seg-source&gt;</c>,
/// <c>&lt;alt-trans&gt;</c>, notes, <c>&lt;bin-unit&gt;</c>s and other namespaces' elements are skipped unread.
/// Security and limits are those of <see cref="Xliff2Reader"/>: no DTD, nothing external, bounded segments and nesting.
/// </para>
/// </remarks>
public sealed class Xliff12Reader : IDisposable
{
    private static readonly string[] TranslatedStates = ["translated", "signed-off", "final"];

    private readonly XliffInput _input;
    private readonly StringBuilder _source = new();
    private readonly StringBuilder _target = new();
    private bool _sourceIsKorean;
    private bool _enumerated;
    private bool _disposed;

    /// <summary>Creates a reader; nothing is read until <see cref="ReadUnits"/> is enumerated.</summary>
    /// <param name="stream">The XLIFF bytes. Read forward only; not disposed by the reader.</param>
    /// <param name="fileName">The name to report in errors and in <see cref="TranslationUnit.OriginFile"/>; null when unknown.</param>
    /// <param name="options">Limits (the same as XLIFF 2's); null means <see cref="Xliff2ReadOptions.Default"/>.</param>
    public Xliff12Reader(Stream stream, string? fileName = null, Xliff2ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        FileName = fileName;
        _input = new XliffInput(stream, fileName, options ?? Xliff2ReadOptions.Default, "trans-unit");
    }

    /// <summary>The name reported in errors and in <see cref="TranslationUnit.OriginFile"/>.</summary>
    public string? FileName { get; }

    /// <summary>The first <c>&lt;file&gt;</c>'s <c>source-language</c>; null until enumeration has read it.</summary>
    public string? SourceLanguage { get; private set; }

    /// <summary>What the reader did with the units so far; complete once <see cref="ReadUnits"/> has been enumerated to the end.</summary>
    public ReadStatistics Statistics { get; } = new();

    private XmlReader Xml => _input.Xml;

    /// <summary>
    /// Reads up to the first <c>&lt;file&gt;</c> and returns its <c>source-language</c>; later calls return the same.
    /// Lets a caller know the source side before the first unit.
    /// </summary>
    /// <returns>The source language tag as written in the file.</returns>
    /// <exception cref="XliffFormatException">The file is not well-formed, not XLIFF 1.x, has no file, or is not Korean-English.</exception>
    public string ReadSourceLanguage()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (SourceLanguage is null)
        {
            _input.Guard(ReadToFirstFile);
        }

        return SourceLanguage!;
    }

    /// <summary>The translated Korean-English units in file order, read as they are enumerated; can be enumerated once.</summary>
    /// <param name="cancellationToken">Checked before each unit.</param>
    /// <returns>The units.</returns>
    /// <exception cref="XliffFormatException">During enumeration: the file is damaged, not XLIFF 1.x Korean-English, or breaks a limit; the message names the line.</exception>
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

    private void ReadToFirstFile()
    {
        _input.Open();
        if (Xml.NodeType != XmlNodeType.Element || Xml.LocalName != "xliff")
        {
            throw _input.Error($"the root element is <{Xml.Name}>, not <xliff>: this is not an XLIFF file.");
        }

        string version = Xml.GetAttribute("version") ?? "";
        if (Xml.NamespaceURI != Xliff12Writer.Namespace || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw _input.Error($"the file is XLIFF version \"{version}\" (namespace \"{Xml.NamespaceURI}\"), not XLIFF 1.2.");
        }

        while (Xml.Read())
        {
            if (Xml.NodeType == XmlNodeType.Element)
            {
                if (Xml.LocalName != "file" || Xml.NamespaceURI != Xliff12Writer.Namespace)
                {
                    throw _input.Error($"<{Xml.Name}> cannot stand in <xliff>, which holds <file> elements.");
                }

                SourceLanguage = StartFile();
                return;
            }
        }

        throw _input.Error("<xliff> holds no <file>; XLIFF 1.2 requires at least one.");
    }

    // Reads a <file>'s languages; the reader stays on the <file> start tag.
    private string StartFile()
    {
        string source = Xml.GetAttribute("source-language") ?? "";
        string target = Xml.GetAttribute("target-language") ?? "";
        if (source.Length == 0 || target.Length == 0)
        {
            throw _input.Error("<file> needs source-language and target-language, as in <file original=\"doc.txt\" source-language=\"ko\" target-language=\"en\" datatype=\"plaintext\">.");
        }

        Side sourceSide = LanguageTags.Classify(source);
        Side targetSide = LanguageTags.Classify(target);
        if (!((sourceSide == Side.Korean && targetSide == Side.English) || (sourceSide == Side.English && targetSide == Side.Korean)))
        {
            throw _input.Error($"the <file> translates source-language=\"{source}\" into target-language=\"{target}\"; TM stores Korean-English pairs, so one language must be Korean and the other English.");
        }

        _sourceIsKorean = sourceSide == Side.Korean;
        return source;
    }

    /// <summary>Moves to the next trans-unit; false at the end of the document. <paramref name="unit"/> is null for a skipped one.</summary>
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
            if (Xml.NamespaceURI != Xliff12Writer.Namespace)
            {
                _input.SkipElement();
                continue;
            }

            switch (Xml.LocalName)
            {
                case "file":
                    StartFile();
                    break;
                case "body" or "group":
                    break;
                case "trans-unit":
                    unit = ReadTransUnit();
                    return true;
                case "header" or "bin-unit" or "context-group" or "count-group" or "prop-group" or "note":
                    _input.SkipElement();
                    break;
                default:
                    throw _input.Error($"<{Xml.Name}> cannot stand here: XLIFF 1.2 nests <file>, <body>, <group> and <trans-unit>, with <source> and <target> inside trans-units.");
            }
        }

        return false;
    }

    private TranslationUnit? ReadTransUnit()
    {
        int line = _input.Line;
        _input.EnterUnit(Xml.GetAttribute("id"), line);
        bool approved = Xml.GetAttribute("approved") == "yes";
        string? state = null;
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
                    case "source" when Xml.NamespaceURI == Xliff12Writer.Namespace && !hasSource:
                        hasSource = true;
                        ReadContent(_source, "source");
                        break;
                    case "target" when Xml.NamespaceURI == Xliff12Writer.Namespace && !hasTarget:
                        hasTarget = true;
                        state = Xml.GetAttribute("state");
                        ReadContent(_target, "target");
                        break;
                    default:
                        // seg-source, alt-trans, notes, count and context groups, other namespaces: not part of the pair.
                        _input.SkipElement();
                        break;
                }
            }
        }

        if (!hasSource)
        {
            throw _input.Error("the <trans-unit> has no <source>; XLIFF 1.2 requires one in every trans-unit.", line);
        }

        if (!hasTarget || _target.Length == 0 || !(approved || (state is not null && TranslatedStates.Contains(state))))
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

        int line = _input.Line;
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
                    if (Xml.NamespaceURI != Xliff12Writer.Namespace)
                    {
                        _input.SkipElement();
                        break;
                    }

                    switch (Xml.LocalName)
                    {
                        case "g" or "mrk":
                            break; // their text is the segment's text
                        case "x" or "bx" or "ex" or "ph" or "bpt" or "ept" or "it":
                            _input.SkipElement();
                            break;
                        default:
                            throw _input.Error($"<{Xml.Name}> cannot stand in <{element}>, which holds text and the inline elements <g>, <x>, <bx>, <ex>, <ph>, <bpt>, <ept>, <it> and <mrk>.");
                    }

                    break;
                case XmlNodeType.EndElement when Xml.Depth == depth:
                    return;
            }
        }
    }
}
