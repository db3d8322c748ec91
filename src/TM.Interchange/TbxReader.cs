using System.Globalization;
using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Reads the Korean–English entries of a termbase file as a stream, one entry at a time: TBX v3 (ISO 30042:2019,
/// <c>&lt;tbx&gt;</c>, the TBX-Basic dialect in DCA style, and the data categories of DCT style where they carry the
/// same names) and TBX 2 / TBX-Basic 2008 (<c>&lt;martif&gt;</c>), which Trados MultiTerm and memoQ still export.
/// </summary>
/// <remarks>
/// <para>
/// The two versions have one structure under other names, and are read alike: an entry is a <c>conceptEntry</c>
/// (<c>termEntry</c>), its languages <c>langSec</c> (<c>langSet</c>) with <c>xml:lang</c>, each term a
/// <c>termSec</c> (<c>tig</c>, or <c>ntig</c> with a <c>termGrp</c>) holding a <c>term</c>. Languages are matched by
/// primary subtag (ko, ko-KR; en, en-US, en-GB); sections in other languages are skipped and counted in
/// <see cref="Statistics"/>, as are entries left without a Korean or English term.
/// </para>
/// <para>
/// Per language, the term with <c>administrativeStatus</c> <c>preferredTerm-admn-sts</c> is the approved term, or
/// without one the first term that is not forbidden; admitted terms and terms without a status are variants;
/// <c>deprecatedTerm-admn-sts</c> and <c>supersededTerm-admn-sts</c> (also TBX 2's <c>normativeAuthorization</c>
/// values and the "forbidden"/"obsolete" some tools write) are forbidden. <c>termNote type="partOfSpeech"</c> gives
/// <see cref="TermbaseEntry.PartOfSpeech"/> (a value outside TBX-Basic's picklist becomes "other");
/// <c>descrip type="definition"</c> and <c>note</c>, at any level, give <see cref="TermbaseEntry.Note"/>;
/// <c>admin type="source"</c> or <c>descrip type="source"</c> give <see cref="TermbaseEntry.Source"/>, except the
/// source of a context sentence. Several notes or sources are joined by line breaks. Everything else (transactions,
/// subject fields, contexts, cross-references) is not kept.
/// </para>
/// <para>
/// Security: DTDs are never processed and nothing external is resolved (a TBX 2 file's <c>&lt;!DOCTYPE martif …&gt;</c>
/// is ignored, and an entity it declares fails as undeclared); a text is bounded by <see cref="MaxTextLength"/> and an
/// entry by <see cref="MaxTermsPerEntry"/>. The file is never held in memory.
/// </para>
/// </remarks>
public sealed class TbxReader : IDisposable
{
    /// <summary>The most characters a term, note or other text may hold; a longer one is an error naming its line.</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>The most terms one entry may hold; more is an error naming the entry's line.</summary>
    public const int MaxTermsPerEntry = 1_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 0, // unlimited: the document is streamed, never held
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
        CloseInput = false,
    };

    private readonly Stream _stream;
    private readonly StringBuilder _text = new();
    private readonly TermbaseEntryBuilder _entry = new();
    private XmlReader? _xml;
    private bool _enumerated;
    private bool _disposed;

    /// <summary>Creates a reader; nothing is read until <see cref="ReadEntries"/> is enumerated.</summary>
    /// <param name="stream">The TBX bytes. Read forward only; not disposed by the reader.</param>
    /// <param name="fileName">The name to report in errors; null when unknown.</param>
    public TbxReader(Stream stream, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        _stream = stream;
        FileName = fileName;
    }

    /// <summary>The name reported in errors.</summary>
    public string? FileName { get; }

    /// <summary>3 for a TBX v3 file (<c>&lt;tbx&gt;</c>), 2 for TBX 2 (<c>&lt;martif&gt;</c>); null until enumeration has read the root.</summary>
    public int? Version { get; private set; }

    /// <summary>What the reader did with the entries so far; complete once <see cref="ReadEntries"/> has been enumerated to the end.</summary>
    public TermbaseReadStatistics Statistics { get; } = new();

    private XmlReader Xml => _xml!;

    private int Line => ((IXmlLineInfo)Xml).LineNumber;

    private int Position => ((IXmlLineInfo)Xml).LinePosition;

    /// <summary>The entries with a Korean or English term, in file order, read as they are enumerated; can be enumerated once.</summary>
    /// <param name="cancellationToken">Checked before each entry.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="TbxFormatException">During enumeration: the file is not well-formed, not TBX, or breaks a limit; the message names the line and what to do.</exception>
    /// <exception cref="InvalidOperationException">The entries were already enumerated.</exception>
    public IEnumerable<TermbaseEntry> ReadEntries(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_enumerated)
        {
            throw new InvalidOperationException("The entries of a TBX file can be enumerated once; create a new reader to read them again.");
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

    private IEnumerable<TermbaseEntry> Enumerate(CancellationToken cancellationToken)
    {
        Guard(ReadRoot);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            TermbaseEntry? entry = null;
            if (!Guard(() => ReadNextEntry(out entry)))
            {
                yield break;
            }

            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    private bool ReadRoot()
    {
        _xml = XmlReader.Create(_stream, Settings);
        Xml.MoveToContent();
        if (Xml.NodeType != XmlNodeType.Element)
        {
            throw Error("the file holds no XML element. A TBX file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and a <tbx> element.");
        }

        Version = Xml.LocalName switch
        {
            "tbx" => 3,
            "martif" => 2,
            _ => throw Error(
                $"the root element is <{Xml.Name}>, neither <tbx> (TBX v3) nor <martif> (TBX 2): this is not a TBX file." +
                (Xml.LocalName is "tmx" or "xliff" ? $" It is a {Xml.LocalName.ToUpperInvariant()} file: import it as translation memory instead." : "")),
        };
        return true;
    }

    /// <summary>Moves to the next entry and reads it; false at the end of the file. <paramref name="entry"/> is
    /// null for an entry without Korean or English terms.</summary>
    private bool ReadNextEntry(out TermbaseEntry? entry)
    {
        entry = null;
        while (Xml.Read())
        {
            if (Xml.NodeType == XmlNodeType.Element && Xml.LocalName is "conceptEntry" or "termEntry")
            {
                entry = ReadEntry();
                if (entry is null)
                {
                    Statistics.CountWithoutTerms();
                }
                else
                {
                    Statistics.CountRead();
                }

                return true;
            }
        }

        return false;
    }

    private TermbaseEntry? ReadEntry()
    {
        var entryLine = Line;
        var id = Xml.GetAttribute("id");
        _entry.Reset(id is null ? null : XmlConvert.DecodeName(id));
        if (Xml.IsEmptyElement)
        {
            return null;
        }

        var depth = Xml.Depth;
        var side = Side.Other;
        var inLanguage = false;
        var contextGroup = false; // in a descripGrp whose descrip is a context sentence: its source is the sentence's
        var groupDepth = -1;
        (string Text, TermStatus Status, string PartOfSpeech)? term = null;
        while (Xml.Read() && !(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
        {
            if (Xml.NodeType == XmlNodeType.EndElement)
            {
                switch (Xml.LocalName)
                {
                    case "termSec" or "tig" or "ntig" when term is { } done:
                        _entry.AddTerm(side, done.Text, done.Status, done.PartOfSpeech);
                        term = null;
                        if (_entry.TermCount > MaxTermsPerEntry)
                        {
                            throw Error($"the entry that starts on line {entryLine} holds more than {MaxTermsPerEntry:N0} terms. The file is damaged, or the entry is a whole glossary; split it.");
                        }

                        break;
                    case "langSec" or "langSet":
                        inLanguage = false;
                        break;
                    case "descripGrp":
                        contextGroup = false;
                        groupDepth = -1;
                        break;
                }

                continue;
            }

            if (Xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var type = Xml.GetAttribute("type");
            switch (Xml.LocalName)
            {
                case "langSec" or "langSet":
                    // Its own xml:lang, not the one in scope: the root's xml:lang is the language of the file's notes.
                    var language = Xml.GetAttribute("xml:lang") ?? Xml.GetAttribute("lang") ?? "";
                    if (language.Length == 0)
                    {
                        throw Error($"<{Xml.Name}> has no xml:lang attribute: say which language its terms are in, e.g. xml:lang=\"ko\" or xml:lang=\"en\".");
                    }

                    side = LanguageTags.Classify(language);
                    if (side == Side.Other)
                    {
                        Statistics.CountOtherLanguage();
                        SkipElement();
                    }
                    else
                    {
                        inLanguage = !Xml.IsEmptyElement;
                    }

                    break;
                case "termSec" or "tig" or "ntig":
                    if (!inLanguage)
                    {
                        throw Error($"<{Xml.Name}> stands outside a language section: put it inside <{(Version == 2 ? "langSet" : "langSec")} xml:lang=\"…\">.");
                    }

                    term = Xml.IsEmptyElement ? null : ("", TermStatus.None, "");
                    break;
                case "term" when term is { } current:
                    term = current with { Text = ReadText() };
                    break;
                case "termNote" or "administrativeStatus" or "normativeAuthorization" or "partOfSpeech" when term is { } current:
                    var kind = Xml.LocalName == "termNote" ? type : Xml.LocalName;
                    if (kind is "administrativeStatus" or "normativeAuthorization")
                    {
                        term = current with { Status = StatusOf(ReadText()) };
                    }
                    else if (kind == "partOfSpeech")
                    {
                        term = current with { PartOfSpeech = PartsOfSpeech.Normalize(ReadText()) ?? "other" };
                    }

                    break;
                case "descripGrp":
                    contextGroup = false;
                    groupDepth = Xml.Depth;
                    break;
                case "descrip" or "definition" when (Xml.LocalName == "definition" || type == "definition"):
                    _entry.AddNote(ReadText());
                    break;
                case "descrip" when type == "context":
                    contextGroup = Xml.Depth == groupDepth + 1;
                    break;
                case "note":
                    _entry.AddNote(ReadText());
                    break;
                case "admin" or "descrip" or "source" when (Xml.LocalName == "source" || type == "source") && !contextGroup:
                    _entry.AddSource(ReadText());
                    break;
            }
        }

        return _entry.Build();
    }

    private static TermStatus StatusOf(string value)
    {
        var status = value.Trim();
        foreach (var (prefix, result) in (ReadOnlySpan<(string, TermStatus)>)
        [
            ("preferred", TermStatus.Preferred),
            ("admitted", TermStatus.Admitted),
            ("legal", TermStatus.Admitted),
            ("regulated", TermStatus.Admitted),
            ("standardized", TermStatus.Admitted),
            ("deprecated", TermStatus.Forbidden),
            ("superseded", TermStatus.Forbidden),
            ("forbidden", TermStatus.Forbidden),
            ("obsolete", TermStatus.Forbidden),
        ])
        {
            if (status.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }

        return TermStatus.None;
    }

    /// <summary>The text of the current element and its descendants (<c>&lt;hi&gt;</c> and the like keep their
    /// text); leaves the reader on the element's end.</summary>
    private string ReadText()
    {
        if (Xml.IsEmptyElement)
        {
            return "";
        }

        var line = Line;
        var name = Xml.Name;
        var depth = Xml.Depth;
        _text.Clear();
        while (Xml.Read() && !(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
        {
            if (Xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                _text.Append(Xml.Value);
                if (_text.Length > MaxTextLength)
                {
                    throw Error($"the <{name}> that starts on line {line} holds more than {MaxTextLength:N0} characters. An element that is never closed is the usual cause.");
                }
            }
        }

        return _text.ToString();
    }

    private void SkipElement()
    {
        if (Xml.IsEmptyElement)
        {
            return;
        }

        var depth = Xml.Depth;
        while (Xml.Read() && !(Xml.NodeType == XmlNodeType.EndElement && Xml.Depth == depth))
        {
        }
    }

    private bool Guard(Func<bool> read)
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

    private TbxFormatException Error(string reason) =>
        new(char.ToUpperInvariant(reason[0]) + reason[1..], FileName, Line, Position);

    private TbxFormatException Translate(XmlException e)
    {
        // XmlException appends "Line n, position m." to its message; the location is the exception's own.
        var message = e.Message;
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        if (at > 0)
        {
            message = message[..at];
        }

        var reason = message.Contains("Unexpected end of file", StringComparison.Ordinal)
            ? "The file ends in the middle of an element: it is cut off. Export or download it again."
            : message.Contains("Root element is missing", StringComparison.Ordinal)
            ? "The file holds no XML element: it is empty, or not XML at all."
            : string.Create(
                CultureInfo.InvariantCulture,
                $"The file is not well-formed XML: {message} An unescaped '&' or '<' in a term or note is the usual cause: write them as &amp; and &lt;, or export the file again.");
        return new TbxFormatException(reason, FileName, e.LineNumber, e.LinePosition, e);
    }
}
