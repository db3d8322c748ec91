using System.Globalization;
using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Writes sentences as an XLIFF 2.0 document, the bilingual file CAT tools (Trados, memoQ, OmegaT, Okapi) open: one
/// <c>&lt;unit&gt;</c> per sentence, each holding one <c>&lt;segment&gt;</c> with its source and, when there is
/// one, the pretranslated target; consecutive units of one paragraph in a <c>&lt;group&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// Where a unit's target came from is written the spec's way, with two modules the core allows in a unit: the
/// Translation Candidates module (<c>&lt;mtc:matches&gt;</c>, the memory's source and target with
/// <c>similarity</c> and <c>origin</c>, <c>ref</c> pointing at the segment) and the Metadata module
/// (<c>&lt;mda:metadata&gt;</c>, free type/value pairs such as the analysis band). Tools that do not know a
/// module ignore it, as the spec requires.
/// </para>
/// <para>
/// Streaming: each unit goes to the stream as it is written (through the XML writer's small buffer), so a
/// document of any length needs memory for one unit plus the set of ids already used. Output is UTF-8 without a
/// byte order mark. Usage: create, <see cref="WriteUnit"/> each unit, then <see cref="Complete"/>; disposing
/// without completing leaves the file without its closing tags, on purpose, so a failed write does not look complete.
/// </para>
/// </remarks>
public sealed class Xliff2Writer : IDisposable
{
    // The id the single segment of every unit carries, and what a candidate's ref points at: segment ids need
    // only be unique within their unit.
    private const string SegmentId = "s1";

    private readonly XmlWriter _xml;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private string? _group;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates a writer and writes the <c>&lt;xliff&gt;</c> and <c>&lt;file&gt;</c> start tags.</summary>
    /// <param name="output">Where the document goes; written forward only, never disposed by the writer.</param>
    /// <param name="options">Languages, file id and original; null means <see cref="Xliff2WriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A language is empty, the file id is not an XML name token, or a value holds a character XML cannot represent.</exception>
    public Xliff2Writer(Stream output, Xliff2WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        options ??= Xliff2WriterOptions.Default;
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SourceLanguage, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TargetLanguage, nameof(options));
        XliffUnitChecks.CheckId(options.FileId, "file id");
        XliffUnitChecks.CheckText(options.Original, "the file's original");
        XliffUnitChecks.CheckMetadata(options.Metadata, "the file's metadata");
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            // Safe here: the writer indents only between elements, never inside <source>/<target>, which hold text alone.
            Indent = true,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            CloseOutput = false,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("xliff", XliffNames.Core);
        _xml.WriteAttributeString("xmlns", "mtc", null, XliffNames.Matches);
        _xml.WriteAttributeString("xmlns", "mda", null, XliffNames.Metadata);
        _xml.WriteAttributeString("version", "2.0");
        _xml.WriteAttributeString("srcLang", options.SourceLanguage);
        _xml.WriteAttributeString("trgLang", options.TargetLanguage);
        _xml.WriteStartElement("file", XliffNames.Core);
        _xml.WriteAttributeString("id", options.FileId);
        if (options.Original is not null)
        {
            _xml.WriteAttributeString("original", options.Original);
        }

        WriteMetadata(options.Metadata, category: "document");
    }

    /// <summary>The units written so far.</summary>
    public int UnitsWritten { get; private set; }

    /// <summary>Writes one unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentException">
    /// The unit's id or group is not an XML name token or was used before; it has a state other than initial but no
    /// target; a similarity lies outside 0..100; or a text holds a character XML cannot represent. Nothing of the
    /// unit was written then, and the writer stays usable.
    /// </exception>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public void WriteUnit(XliffUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The XLIFF document is complete; no unit can follow.");
        }

        XliffUnitChecks.Check(unit, _ids, _group);
        if (unit.Group != _group)
        {
            if (_group is not null)
            {
                _xml.WriteEndElement();
            }

            if (unit.Group is not null)
            {
                _ids.Add(unit.Group);
                _xml.WriteStartElement("group", XliffNames.Core);
                _xml.WriteAttributeString("id", unit.Group);
            }

            _group = unit.Group;
        }

        _ids.Add(unit.Id);
        _xml.WriteStartElement("unit", XliffNames.Core);
        _xml.WriteAttributeString("id", unit.Id);
        if (unit.Match is { } match)
        {
            // Module elements come before the segments: the core admits other namespaces only at the start of a unit.
            _xml.WriteStartElement("mtc", "matches", XliffNames.Matches);
            _xml.WriteStartElement("mtc", "match", XliffNames.Matches);
            _xml.WriteAttributeString("ref", "#" + SegmentId);
            if (match.Similarity is { } similarity)
            {
                _xml.WriteAttributeString("similarity", similarity.ToString("0.##", CultureInfo.InvariantCulture));
            }

            if (match.Origin is not null)
            {
                _xml.WriteAttributeString("origin", match.Origin);
            }

            _xml.WriteAttributeString("type", match.Type);
            WriteMetadata(match.Metadata, category: "match");
            _xml.WriteElementString("source", XliffNames.Core, match.Source);
            _xml.WriteElementString("target", XliffNames.Core, match.Target);
            _xml.WriteEndElement();
            _xml.WriteEndElement();
        }

        WriteMetadata(unit.Metadata, category: "pretranslation");
        _xml.WriteStartElement("segment", XliffNames.Core);
        _xml.WriteAttributeString("id", SegmentId);
        _xml.WriteAttributeString("state", StateName(unit.State));
        _xml.WriteElementString("source", XliffNames.Core, unit.Source);
        if (unit.Target is not null)
        {
            _xml.WriteElementString("target", XliffNames.Core, unit.Target);
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
        UnitsWritten++;
    }

    /// <summary>Closes the open group, the file and the document, and flushes everything to the stream.</summary>
    /// <exception cref="InvalidOperationException">No unit was written: XLIFF 2.0 requires at least one in a file.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        if (UnitsWritten == 0)
        {
            throw new InvalidOperationException("An XLIFF 2.0 <file> must hold at least one unit; write one before completing.");
        }

        _xml.WriteEndDocument(); // closes the group, file and xliff elements still open
        _xml.Flush();
        _completed = true;
    }

    /// <summary>Flushes what was written and releases the XML writer; the stream is left to its owner.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_completed)
        {
            // Flush what was written but close nothing: an incomplete document must fail to parse, not look whole.
            _xml.Flush();
            return;
        }

        _xml.Dispose();
    }

    /// <summary>The attribute value of <paramref name="state"/>: <c>initial</c>, <c>translated</c>, <c>reviewed</c> or <c>final</c>.</summary>
    /// <param name="state">A state.</param>
    /// <returns>The value.</returns>
    public static string StateName(XliffSegmentState state) => state switch
    {
        XliffSegmentState.Initial => "initial",
        XliffSegmentState.Translated => "translated",
        XliffSegmentState.Reviewed => "reviewed",
        XliffSegmentState.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown segment state."),
    };

    private void WriteMetadata(IReadOnlyList<XliffMeta> metadata, string category)
    {
        if (metadata.Count == 0)
        {
            return;
        }

        _xml.WriteStartElement("mda", "metadata", XliffNames.Metadata);
        _xml.WriteStartElement("mda", "metaGroup", XliffNames.Metadata);
        _xml.WriteAttributeString("category", category);
        foreach (XliffMeta meta in metadata)
        {
            _xml.WriteStartElement("mda", "meta", XliffNames.Metadata);
            _xml.WriteAttributeString("type", meta.Type);
            _xml.WriteString(meta.Value);
            _xml.WriteEndElement();
        }

        _xml.WriteEndElement();
        _xml.WriteEndElement();
    }
}
