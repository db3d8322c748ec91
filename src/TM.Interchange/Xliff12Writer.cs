using System.Globalization;
using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Writes sentences as an XLIFF 1.2 document (OASIS Standard, 2008), the version older CAT tools and many
/// pipelines still expect: one <c>&lt;trans-unit&gt;</c> per sentence with its <c>&lt;source&gt;</c> and, when
/// there is one, the pretranslated <c>&lt;target&gt;</c>; the match as an <c>&lt;alt-trans&gt;</c>; metadata as
/// <c>&lt;note&gt;</c>s; consecutive units of one paragraph in a <c>&lt;group&gt;</c>. It takes the same
/// <see cref="XliffUnit"/>s as <see cref="Xliff2Writer"/> and refuses the same bad ones.
/// </summary>
/// <remarks>
/// <para>
/// States: XLIFF 1.2 puts the state on the <c>&lt;target&gt;</c>, so a unit without a target has none (a CAT tool
/// shows it as untranslated; an empty target would read as a translation into nothing). With a target,
/// <see cref="XliffSegmentState.Initial"/> is <c>needs-review-translation</c> (a draft from the memory a translator
/// must check), <see cref="XliffSegmentState.Translated"/> is <c>translated</c>, <see cref="XliffSegmentState.Reviewed"/>
/// is <c>signed-off</c> and <see cref="XliffSegmentState.Final"/> is <c>final</c>; <c>state-qualifier</c> says
/// <c>exact-match</c> or <c>fuzzy-match</c> by the match's similarity. The match's <c>match-quality</c> is its
/// similarity as a number, as Okapi and memoQ write it; its type (<c>tm</c>, <c>am</c>) and metadata are notes in it.
/// </para>
/// <para>
/// Streaming, encoding and completion work as in <see cref="Xliff2Writer"/>: one unit in memory at a time plus the
/// ids used, UTF-8 without a byte order mark, and no closing tags unless <see cref="Complete"/> was called.
/// </para>
/// </remarks>
public sealed class Xliff12Writer : IDisposable
{
    /// <summary>The XLIFF 1.2 namespace.</summary>
    public const string Namespace = "urn:oasis:names:tc:xliff:document:1.2";

    // Who wrote a note: the spec's `from`, so a translator can tell the tool's notes from a colleague's.
    private const string NoteAuthor = "tm";

    private readonly XmlWriter _xml;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private string? _group;
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates a writer and writes the <c>&lt;xliff&gt;</c>, <c>&lt;file&gt;</c> and <c>&lt;header&gt;</c>, and opens the <c>&lt;body&gt;</c>.</summary>
    /// <param name="output">Where the document goes; written forward only, never disposed by the writer.</param>
    /// <param name="options">Languages, original and metadata; null means <see cref="Xliff12WriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">A language or the original is empty, or a value holds a character XML cannot represent.</exception>
    public Xliff12Writer(Stream output, Xliff12WriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        options ??= Xliff12WriterOptions.Default;
        ArgumentException.ThrowIfNullOrWhiteSpace(options.SourceLanguage, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TargetLanguage, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Original, nameof(options));
        XliffUnitChecks.CheckText(options.Original, "the file's original");
        XliffUnitChecks.CheckMetadata(options.Metadata, "the file's metadata");
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            // Safe here: <source>, <target> and <note> hold text alone, and indentation goes only between elements.
            Indent = true,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            CloseOutput = false,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("xliff", Namespace);
        _xml.WriteAttributeString("version", "1.2");
        _xml.WriteStartElement("file", Namespace);
        _xml.WriteAttributeString("original", options.Original);
        _xml.WriteAttributeString("source-language", options.SourceLanguage);
        _xml.WriteAttributeString("target-language", options.TargetLanguage);
        _xml.WriteAttributeString("datatype", "plaintext");
        if (options.Metadata.Count > 0)
        {
            _xml.WriteStartElement("header", Namespace);
            WriteNotes(options.Metadata);
            _xml.WriteEndElement();
        }

        _xml.WriteStartElement("body", Namespace);
    }

    /// <summary>The units written so far.</summary>
    public int UnitsWritten { get; private set; }

    /// <summary>Writes one unit as a <c>&lt;trans-unit&gt;</c>.</summary>
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
                _xml.WriteStartElement("group", Namespace);
                _xml.WriteAttributeString("id", unit.Group);
            }

            _group = unit.Group;
        }

        _ids.Add(unit.Id);
        _xml.WriteStartElement("trans-unit", Namespace);
        _xml.WriteAttributeString("id", unit.Id);
        _xml.WriteElementString("source", Namespace, unit.Source);
        if (unit.Target is not null)
        {
            _xml.WriteStartElement("target", Namespace);
            _xml.WriteAttributeString("state", StateName(unit.State));
            if (unit.Match?.Similarity is { } quality)
            {
                _xml.WriteAttributeString("state-qualifier", quality >= 100 ? "exact-match" : "fuzzy-match");
            }

            _xml.WriteString(unit.Target);
            _xml.WriteEndElement();
        }

        if (unit.Match is { } match)
        {
            _xml.WriteStartElement("alt-trans", Namespace);
            if (match.Similarity is { } similarity)
            {
                _xml.WriteAttributeString("match-quality", similarity.ToString("0.##", CultureInfo.InvariantCulture));
            }

            if (match.Origin is not null)
            {
                _xml.WriteAttributeString("origin", match.Origin);
            }

            _xml.WriteElementString("source", Namespace, match.Source);
            _xml.WriteElementString("target", Namespace, match.Target);
            WriteNotes([new XliffMeta("type", match.Type), .. match.Metadata]);
            _xml.WriteEndElement();
        }

        WriteNotes(unit.Metadata);
        _xml.WriteEndElement();
        UnitsWritten++;
    }

    /// <summary>Closes the open group, the body, the file and the document, and flushes everything to the stream.</summary>
    /// <exception cref="InvalidOperationException">No unit was written: a pretranslation without one is a mistake upstream, not a file.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        if (UnitsWritten == 0)
        {
            throw new InvalidOperationException("The XLIFF 1.2 document has no trans-unit; write one before completing.");
        }

        _xml.WriteEndDocument(); // closes the group, body, file and xliff elements still open
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

    /// <summary>
    /// The XLIFF 1.2 <c>state</c> of a target in <paramref name="state"/>: <c>needs-review-translation</c>,
    /// <c>translated</c>, <c>signed-off</c> or <c>final</c>.
    /// </summary>
    /// <param name="state">A state.</param>
    /// <returns>The value.</returns>
    public static string StateName(XliffSegmentState state) => state switch
    {
        XliffSegmentState.Initial => "needs-review-translation",
        XliffSegmentState.Translated => "translated",
        XliffSegmentState.Reviewed => "signed-off",
        XliffSegmentState.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown segment state."),
    };

    // One note per pair, "type: value": XLIFF 1.2's notes are free text (its <prop-group> is deprecated).
    private void WriteNotes(IReadOnlyList<XliffMeta> metadata)
    {
        foreach (XliffMeta meta in metadata)
        {
            _xml.WriteStartElement("note", Namespace);
            _xml.WriteAttributeString("from", NoteAuthor);
            _xml.WriteString(meta.Type + ": " + meta.Value);
            _xml.WriteEndElement();
        }
    }
}
