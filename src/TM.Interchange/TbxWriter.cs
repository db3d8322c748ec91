using System.Text;
using System.Xml;

namespace TM.Interchange;

/// <summary>
/// Writes termbase entries as a TBX v3 file (ISO 30042:2019) in the TBX-Basic dialect, DCA style, one
/// <c>&lt;conceptEntry&gt;</c> at a time, so an export of any size needs memory for one entry (and the set of ids
/// written, to keep them unique). <see cref="TbxReader"/> reads the file back to the same entries.
/// </summary>
/// <remarks>
/// <para>
/// Each entry becomes a <c>conceptEntry</c> with its note (<c>&lt;note&gt;</c>) and source (<c>&lt;admin
/// type="source"&gt;</c>), then a <c>langSec</c> for Korean (<c>ko</c>) and one for English (<c>en</c>) where the
/// entry has terms in that language. Each term is a <c>termSec</c> with the entry's part of speech and its
/// administrative status: the approved term <c>preferredTerm-admn-sts</c>, variants <c>admittedTerm-admn-sts</c>,
/// forbidden terms <c>deprecatedTerm-admn-sts</c>.
/// </para>
/// <para>
/// Ids: TBX requires one on every <c>conceptEntry</c>, unique and an XML name. An id that is not a name (such as a
/// database number, "17") is written encoded as one (<c>_x0031_7</c>, <see cref="XmlConvert.EncodeLocalName"/>),
/// which the reader decodes; an entry without an id (null or "") gets <c>_entry</c> and its number in the file, which is what it reads back with. An entry that
/// has only variants reads back with its first variant as the approved term.
/// </para>
/// <para>
/// An entry the file cannot carry (no term at all, a blank term, a part of speech outside
/// <see cref="PartsOfSpeech.All"/>, a repeated id, a character XML 1.0 cannot represent) is refused with an
/// <see cref="ArgumentException"/> before any of it is written; the writer stays usable. Disposing without
/// completing leaves the output without its closing tags, on purpose: a failed export must not look complete. The
/// output is UTF-8 without a byte order mark, handed to the stream in blocks of about 64 KB; the stream is never
/// disposed by the writer.
/// </para>
/// </remarks>
public sealed class TbxWriter : IDisposable, IAsyncDisposable
{
    /// <summary>The namespace of TBX v3 (ISO 30042:2019) elements.</summary>
    public const string Namespace = "urn:iso:std:iso:30042:ed-2";

    // Large enough that a stream write is rare per entry, small enough to stay out of the large object heap.
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _output;
    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _xml;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private bool _completed;
    private bool _disposed;

    /// <summary>Creates a writer and prepares the XML declaration, the header and the opening <c>&lt;body&gt;</c>.</summary>
    /// <param name="output">Where the file goes; written forward only, never disposed by the writer.</param>
    /// <param name="description">The header's source description (<c>sourceDesc/p</c>); null writes "TM termbase".</param>
    /// <exception cref="ArgumentException">The output is not writable, or the description holds a character XML cannot represent.</exception>
    public TbxWriter(Stream output, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        description ??= "TM termbase";
        if (XmlText.IndexOfInvalid(description) is var invalid and >= 0)
        {
            throw new ArgumentException($"The description holds {XmlText.Describe(description[invalid])}, which XML cannot carry.", nameof(description));
        }

        _output = output;
        _xml = XmlWriter.Create(_buffer, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            // Elements hold either text or elements, never both, so indenting adds no white space to a term.
            Indent = true,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            CloseOutput = false,
        });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("tbx", Namespace);
        _xml.WriteAttributeString("type", "TBX-Basic");
        _xml.WriteAttributeString("style", "dca");
        _xml.WriteAttributeString("xml", "lang", null, "en");
        _xml.WriteStartElement("tbxHeader", Namespace);
        _xml.WriteStartElement("fileDesc", Namespace);
        _xml.WriteStartElement("sourceDesc", Namespace);
        _xml.WriteElementString("p", Namespace, description);
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteStartElement("text", Namespace);
        _xml.WriteStartElement("body", Namespace);
    }

    /// <summary>The entries written so far.</summary>
    public int EntriesWritten { get; private set; }

    /// <summary>Writes a whole sequence of entries as one TBX file and completes it.</summary>
    /// <param name="output">Where the file goes; not disposed.</param>
    /// <param name="entries">The entries, in the order to write them.</param>
    /// <param name="description">The header's source description; null writes "TM termbase".</param>
    /// <returns>The number of entries written.</returns>
    /// <exception cref="ArgumentException">An entry cannot be written (see the remarks on the type); the message names it.</exception>
    public static int Write(Stream output, IEnumerable<TermbaseEntry> entries, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = new TbxWriter(output, description);
        foreach (var entry in entries)
        {
            writer.WriteEntry(entry);
        }

        writer.Complete();
        return writer.EntriesWritten;
    }

    /// <summary>Writes a whole sequence of entries as one TBX file and completes it, writing to the stream asynchronously.</summary>
    /// <param name="output">Where the file goes; not disposed.</param>
    /// <param name="entries">The entries, in the order to write them.</param>
    /// <param name="description">The header's source description; null writes "TM termbase".</param>
    /// <param name="cancellationToken">Stops the export between entries; the output is then left incomplete.</param>
    /// <returns>The number of entries written.</returns>
    /// <exception cref="ArgumentException">An entry cannot be written (see the remarks on the type); the message names it.</exception>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<TermbaseEntry> entries, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var writer = new TbxWriter(output, description);
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return writer.EntriesWritten;
    }

    /// <summary>Writes one entry, passing the XML to the output stream whenever about 64 KB have gathered.</summary>
    /// <param name="entry">The entry.</param>
    /// <exception cref="ArgumentException">The entry cannot be written (see the remarks on the type); nothing of it was written.</exception>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public void WriteEntry(TermbaseEntry entry)
    {
        WriteToBuffer(entry);
        if (_buffer.Length >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Writes one entry, passing the XML to the output stream asynchronously whenever about 64 KB have gathered.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the stream write.</param>
    /// <exception cref="ArgumentException">The entry cannot be written (see the remarks on the type); nothing of it was written.</exception>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public async Task WriteEntryAsync(TermbaseEntry entry, CancellationToken cancellationToken = default)
    {
        WriteToBuffer(entry);
        if (_buffer.Length >= FlushThreshold)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the closing tags and passes everything left to the output stream.</summary>
    public void Complete()
    {
        CloseDocument();
        Flush();
    }

    /// <summary>Writes the closing tags and passes everything left to the output stream asynchronously.</summary>
    /// <param name="cancellationToken">Cancels the stream write.</param>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        CloseDocument();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the XML writer; an incomplete file stays incomplete.</summary>
    public void Dispose()
    {
        _disposed = true;
        _xml.Dispose();
        _buffer.Dispose();
    }

    /// <summary>Releases the XML writer; an incomplete file stays incomplete.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void WriteToBuffer(TermbaseEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The TBX file is complete; no entry can follow.");
        }

        var number = EntriesWritten + 1;
        var id = XmlConvert.EncodeLocalName(string.IsNullOrEmpty(entry.Id) ? $"_entry{number}" : entry.Id);
        Check(entry, number, id);
        _ids.Add(id);
        _xml.WriteStartElement("conceptEntry", Namespace);
        _xml.WriteAttributeString("id", id);
        if (entry.Note.Length > 0)
        {
            _xml.WriteElementString("note", Namespace, entry.Note);
        }

        if (entry.Source.Length > 0)
        {
            _xml.WriteStartElement("admin", Namespace);
            _xml.WriteAttributeString("type", "source");
            _xml.WriteString(entry.Source);
            _xml.WriteEndElement();
        }

        WriteLanguage("ko", entry.Korean, entry.KoreanVariants, entry.ForbiddenKorean, entry.PartOfSpeech);
        WriteLanguage("en", entry.English, entry.EnglishVariants, entry.ForbiddenEnglish, entry.PartOfSpeech);
        _xml.WriteEndElement();
        EntriesWritten++;
        _xml.Flush();
    }

    private void WriteLanguage(string language, string approved, IReadOnlyList<string> variants, IReadOnlyList<string> forbidden, string partOfSpeech)
    {
        if (approved.Length == 0 && variants.Count == 0 && forbidden.Count == 0)
        {
            return;
        }

        _xml.WriteStartElement("langSec", Namespace);
        _xml.WriteAttributeString("xml", "lang", null, language);
        if (approved.Length > 0)
        {
            WriteTerm(approved, "preferredTerm-admn-sts", partOfSpeech);
        }

        foreach (var variant in variants)
        {
            WriteTerm(variant, "admittedTerm-admn-sts", partOfSpeech);
        }

        foreach (var term in forbidden)
        {
            WriteTerm(term, "deprecatedTerm-admn-sts", partOfSpeech);
        }

        _xml.WriteEndElement();
    }

    private void WriteTerm(string term, string status, string partOfSpeech)
    {
        _xml.WriteStartElement("termSec", Namespace);
        _xml.WriteElementString("term", Namespace, term);
        if (partOfSpeech.Length > 0)
        {
            WriteTermNote("partOfSpeech", partOfSpeech);
        }

        WriteTermNote("administrativeStatus", status);
        _xml.WriteEndElement();
    }

    private void WriteTermNote(string type, string value)
    {
        _xml.WriteStartElement("termNote", Namespace);
        _xml.WriteAttributeString("type", type);
        _xml.WriteString(value);
        _xml.WriteEndElement();
    }

    private void Check(TermbaseEntry entry, int number, string id)
    {
        var name = entry.Id is null ? $"Entry {number}" : $"Entry {number} (id \"{entry.Id}\")";
        string[] terms = [entry.Korean, entry.English, .. entry.KoreanVariants, .. entry.EnglishVariants, .. entry.ForbiddenKorean, .. entry.ForbiddenEnglish];
        if (terms.All(t => t is null || t.Length == 0))
        {
            throw new ArgumentException($"{name} has no term; TBX needs at least one in a conceptEntry.", nameof(entry));
        }

        var lists = new[] { entry.KoreanVariants, entry.EnglishVariants, entry.ForbiddenKorean, entry.ForbiddenEnglish };
        if (terms.Any(t => t is null) || entry.Note is null || entry.Source is null || entry.PartOfSpeech is null || lists.Any(l => l is null))
        {
            throw new ArgumentException($"{name} has a null member; use \"\" or an empty list.", nameof(entry));
        }

        if (lists.SelectMany(l => l).Any(string.IsNullOrWhiteSpace) || (entry.Korean.Length > 0 && string.IsNullOrWhiteSpace(entry.Korean)) || (entry.English.Length > 0 && string.IsNullOrWhiteSpace(entry.English)))
        {
            throw new ArgumentException($"{name} has a blank term; remove it.", nameof(entry));
        }

        if (entry.PartOfSpeech.Length > 0 && !PartsOfSpeech.All.Contains(entry.PartOfSpeech))
        {
            throw new ArgumentException($"{name} has part of speech \"{entry.PartOfSpeech}\"; TBX-Basic allows {string.Join(", ", PartsOfSpeech.All)}.", nameof(entry));
        }

        if (_ids.Contains(id))
        {
            throw new ArgumentException($"{name}: its id is already used by an earlier entry; TBX ids must be unique.", nameof(entry));
        }

        foreach (var text in terms.Append(entry.Note).Append(entry.Source).Append(entry.Id ?? ""))
        {
            if (XmlText.IndexOfInvalid(text) is var invalid and >= 0)
            {
                throw new ArgumentException($"{name} holds {XmlText.Describe(text[invalid])}, a character XML (and so TBX) cannot carry.", nameof(entry));
            }
        }
    }

    private void CloseDocument()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }

        _completed = true;
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    private void Flush()
    {
        _buffer.Position = 0;
        _buffer.CopyTo(_output);
        _buffer.SetLength(0);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _buffer.Position = 0;
        await _buffer.CopyToAsync(_output, cancellationToken).ConfigureAwait(false);
        _buffer.SetLength(0);
    }
}
