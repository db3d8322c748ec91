using System.Globalization;
using System.Text;
using System.Xml;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Writes translation units as a TMX 1.4b file, one <c>&lt;tu&gt;</c> at a time, so an export of any size needs
/// memory for one unit only. Placeholders become their inline elements again, exactly as the tags describe them;
/// metadata, properties and notes are written on the unit and on each variant.
/// </summary>
/// <remarks>
/// <para>
/// Usage: create, <see cref="WriteUnit"/> or <see cref="WriteUnitAsync"/> each unit, then <see cref="Complete"/> or
/// <see cref="CompleteAsync"/>; or call <see cref="WriteAsync"/> with the whole sequence. The output is UTF-8
/// without a byte order mark. A carriage return in text is written as <c>&amp;#xD;</c> so it survives the XML
/// parser's line-end normalisation.
/// </para>
/// <para>
/// A unit holding a character XML 1.0 cannot represent (a control character, a lone surrogate) is refused with an
/// <see cref="ArgumentException"/> before any of it is written; the writer stays usable. Disposing without
/// completing leaves the output without its closing tags, on purpose: a failed export must not look complete.
/// </para>
/// <para>The XML is produced in memory and handed to the output stream in blocks of about 64 KB; the stream is never disposed by the writer.</para>
/// </remarks>
public sealed class TmxWriter : IDisposable, IAsyncDisposable
{
    // Large enough that a stream write is rare per unit, small enough to stay out of the large object heap.
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _output;
    private readonly TmxWriterOptions _options;
    private readonly MemoryStream _buffer = new();
    private readonly XmlWriter _xml;
    private readonly bool _koreanFirst;
    private bool _completed;
    private bool _broken;
    private bool _disposed;

    /// <summary>Creates a writer and prepares the XML declaration, the header and the opening <c>&lt;body&gt;</c>.</summary>
    /// <param name="output">Where the file goes; written forward only, never disposed by the writer.</param>
    /// <param name="options">Header values and language codes; null means <see cref="TmxWriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><see cref="TmxWriterOptions.SourceLanguage"/> is neither language nor <c>*all*</c>, or a header value holds a character XML cannot represent.</exception>
    public TmxWriter(Stream output, TmxWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }

        _output = output;
        _options = options ?? TmxWriterOptions.Default;
        if (_options.SourceLanguage != _options.KoreanLanguage && _options.SourceLanguage != _options.EnglishLanguage && _options.SourceLanguage != "*all*")
        {
            throw new ArgumentException(
                $"SourceLanguage \"{_options.SourceLanguage}\" must be KoreanLanguage (\"{_options.KoreanLanguage}\"), EnglishLanguage (\"{_options.EnglishLanguage}\") or \"*all*\".",
                nameof(options));
        }

        CheckHeader(_options);
        _koreanFirst = _options.SourceLanguage != _options.EnglishLanguage;
        _xml = XmlWriter.Create(_buffer, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = false, // indentation is written by hand: automatic indentation would add white space inside <seg>
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            CloseOutput = false,
        });
        WriteStart();
    }

    /// <summary>The units written so far.</summary>
    public int UnitsWritten { get; private set; }

    /// <summary>Writes a whole sequence of units as one TMX file and completes it.</summary>
    /// <param name="output">Where the file goes; not disposed.</param>
    /// <param name="units">The units, in the order to write them.</param>
    /// <param name="options">Header values and language codes; null means <see cref="TmxWriterOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the export between units; the output is then left incomplete.</param>
    /// <returns>The number of units written.</returns>
    /// <exception cref="ArgumentException">A unit holds a character XML 1.0 cannot represent; the message names the unit and the character.</exception>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<TranslationUnit> units, TmxWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        await using var writer = new TmxWriter(output, options);
        await foreach (TranslationUnit unit in units.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteUnitAsync(unit, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return writer.UnitsWritten;
    }

    /// <summary>Writes a whole sequence of units as one TMX file and completes it.</summary>
    /// <param name="output">Where the file goes; not disposed.</param>
    /// <param name="units">The units, in the order to write them.</param>
    /// <param name="options">Header values and language codes; null means <see cref="TmxWriterOptions.Default"/>.</param>
    /// <returns>The number of units written.</returns>
    /// <exception cref="ArgumentException">A unit holds a character XML 1.0 cannot represent; the message names the unit and the character.</exception>
    public static int Write(Stream output, IEnumerable<TranslationUnit> units, TmxWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        using var writer = new TmxWriter(output, options);
        foreach (TranslationUnit unit in units)
        {
            writer.WriteUnit(unit);
        }

        writer.Complete();
        return writer.UnitsWritten;
    }

    /// <summary>Writes one unit, passing the XML to the output stream whenever about 64 KB have gathered.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentException">The unit holds a character XML 1.0 cannot represent; nothing of it was written.</exception>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier.</exception>
    public void WriteUnit(TranslationUnit unit)
    {
        if (WriteToBuffer(unit))
        {
            Drain();
        }
    }

    /// <summary>Writes one unit, passing the XML to the output stream asynchronously whenever about 64 KB have gathered.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="cancellationToken">Cancels the write to the output stream.</param>
    /// <returns>A task that completes when the unit is buffered or written.</returns>
    /// <exception cref="ArgumentException">The unit holds a character XML 1.0 cannot represent; nothing of it was written.</exception>
    /// <exception cref="InvalidOperationException">The writer was completed, or failed earlier.</exception>
    public ValueTask WriteUnitAsync(TranslationUnit unit, CancellationToken cancellationToken = default) =>
        WriteToBuffer(unit) ? DrainAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Closes <c>&lt;body&gt;</c> and <c>&lt;tmx&gt;</c> and writes everything still buffered; the output stream is flushed, not closed.</summary>
    /// <exception cref="InvalidOperationException">The writer was completed already, or failed earlier.</exception>
    public void Complete()
    {
        WriteEnd();
        Drain();
        _output.Flush();
    }

    /// <summary>Closes <c>&lt;body&gt;</c> and <c>&lt;tmx&gt;</c> and writes everything still buffered; the output stream is flushed, not closed.</summary>
    /// <param name="cancellationToken">Cancels the write to the output stream.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="InvalidOperationException">The writer was completed already, or failed earlier.</exception>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        WriteEnd();
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the buffer. Without <see cref="Complete"/> first, whatever was not yet handed to the stream is dropped and the file stays incomplete.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _xml.Dispose();
        }
        catch (InvalidOperationException)
        {
            // An XmlWriter in an error state may refuse to close; the buffer is dropped either way.
        }

        _buffer.Dispose();
    }

    /// <summary>Releases the buffer, like <see cref="Dispose"/>; nothing is written.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the unit to the buffer; true when the buffer is full enough to hand to the stream.</summary>
    private bool WriteToBuffer(TranslationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ThrowIfUnusable();
        XmlTextCheck.Unit(unit, UnitsWritten + 1);
        try
        {
            WriteUnitXml(unit);
            _xml.Flush();
        }
        catch
        {
            _broken = true;
            throw;
        }

        UnitsWritten++;
        return _buffer.Length >= FlushThreshold;
    }

    private void WriteStart()
    {
        _xml.WriteStartDocument();
        NewLine(0);
        _xml.WriteStartElement("tmx");
        _xml.WriteAttributeString("version", "1.4");
        NewLine(1);
        _xml.WriteStartElement("header");
        _xml.WriteAttributeString("creationtool", _options.CreationTool);
        _xml.WriteAttributeString("creationtoolversion", _options.CreationToolVersion);
        _xml.WriteAttributeString("datatype", _options.DataType);
        _xml.WriteAttributeString("segtype", _options.SegmentType);
        _xml.WriteAttributeString("adminlang", _options.AdminLanguage);
        _xml.WriteAttributeString("srclang", _options.SourceLanguage);
        _xml.WriteAttributeString("o-tmf", _options.OriginalFormat);
        WriteDate("creationdate", _options.CreationDate);
        WriteNotesAndProperties(_options.HeaderNotes, _options.HeaderProperties, 2);
        if (_options.HeaderNotes.Count + _options.HeaderProperties.Count > 0)
        {
            NewLine(1);
        }

        _xml.WriteEndElement();
        NewLine(1);
        _xml.WriteStartElement("body");
        _xml.Flush();
    }

    private void WriteEnd()
    {
        ThrowIfUnusable();
        _completed = true;
        NewLine(1);
        _xml.WriteEndElement(); // body
        NewLine(0);
        _xml.WriteEndElement(); // tmx
        if (_options.Indent)
        {
            _xml.WriteWhitespace("\n");
        }

        _xml.WriteEndDocument();
        _xml.Flush();
    }

    private void WriteUnitXml(TranslationUnit unit)
    {
        NewLine(2);
        _xml.WriteStartElement("tu");
        WriteOptional("tuid", unit.Tuid);
        WriteDate("creationdate", unit.CreationDate);
        WriteOptional("creationid", unit.CreationId);
        WriteDate("changedate", unit.ChangeDate);
        WriteOptional("changeid", unit.ChangeId);
        WriteDate("lastusagedate", unit.LastUsageDate);
        if (unit.UsageCount is { } usageCount)
        {
            _xml.WriteAttributeString("usagecount", usageCount.ToString(CultureInfo.InvariantCulture));
        }

        WriteNotesAndProperties(unit.Notes, unit.Properties, 3);
        if (_koreanFirst)
        {
            WriteVariant(_options.KoreanLanguage, unit.Korean, unit.KoreanTags, unit.KoreanMetadata);
            WriteVariant(_options.EnglishLanguage, unit.English, unit.EnglishTags, unit.EnglishMetadata);
        }
        else
        {
            WriteVariant(_options.EnglishLanguage, unit.English, unit.EnglishTags, unit.EnglishMetadata);
            WriteVariant(_options.KoreanLanguage, unit.Korean, unit.KoreanTags, unit.KoreanMetadata);
        }

        NewLine(2);
        _xml.WriteEndElement();
    }

    private void WriteVariant(string language, string text, IReadOnlyList<InlineTag> tags, VariantMetadata metadata)
    {
        NewLine(3);
        _xml.WriteStartElement("tuv");
        _xml.WriteAttributeString("xml", "lang", null, language);
        WriteDate("creationdate", metadata.CreationDate);
        WriteOptional("creationid", metadata.CreationId);
        WriteDate("changedate", metadata.ChangeDate);
        WriteOptional("changeid", metadata.ChangeId);
        WriteNotesAndProperties(metadata.Notes, metadata.Properties, 4);
        NewLine(4);
        _xml.WriteStartElement("seg");
        InlineXml.Write(_xml, text, tags);
        _xml.WriteFullEndElement();
        NewLine(3);
        _xml.WriteEndElement();
    }

    private void WriteNotesAndProperties(IReadOnlyList<TmxNote> notes, IReadOnlyList<TmxProperty> properties, int depth)
    {
        foreach (TmxNote note in notes)
        {
            NewLine(depth);
            _xml.WriteStartElement("note");
            WriteLanguage(note.Language);
            _xml.WriteString(note.Text);
            _xml.WriteFullEndElement();
        }

        foreach (TmxProperty property in properties)
        {
            NewLine(depth);
            _xml.WriteStartElement("prop");
            _xml.WriteAttributeString("type", property.Type);
            WriteLanguage(property.Language);
            _xml.WriteString(property.Value);
            _xml.WriteFullEndElement();
        }
    }

    private void WriteLanguage(string? language)
    {
        if (language is not null)
        {
            _xml.WriteAttributeString("xml", "lang", null, language);
        }
    }

    private void WriteOptional(string name, string? value)
    {
        if (value is not null)
        {
            _xml.WriteAttributeString(name, value);
        }
    }

    private void WriteDate(string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            _xml.WriteAttributeString(name, TmxDates.Format(date));
        }
    }

    private void NewLine(int depth)
    {
        if (_options.Indent)
        {
            _xml.WriteWhitespace(depth switch
            {
                0 => "\n",
                1 => "\n  ",
                2 => "\n    ",
                3 => "\n      ",
                4 => "\n        ",
                _ => "\n" + new string(' ', depth * 2),
            });
        }
    }

    private void Drain()
    {
        if (_buffer.Length > 0)
        {
            _output.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
            _buffer.SetLength(0);
        }
    }

    private async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length > 0)
        {
            await _output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken).ConfigureAwait(false);
            _buffer.SetLength(0);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The TMX file is complete; create a new writer for another file.");
        }

        if (_broken)
        {
            throw new InvalidOperationException("An earlier write failed, so the TMX output is incomplete; start the export again.");
        }
    }

    private static void CheckHeader(TmxWriterOptions options)
    {
        foreach ((string what, string value) in (ReadOnlySpan<(string, string)>)
            [
                ("KoreanLanguage", options.KoreanLanguage), ("EnglishLanguage", options.EnglishLanguage), ("SourceLanguage", options.SourceLanguage),
                ("CreationTool", options.CreationTool), ("CreationToolVersion", options.CreationToolVersion), ("OriginalFormat", options.OriginalFormat),
                ("AdminLanguage", options.AdminLanguage), ("DataType", options.DataType), ("SegmentType", options.SegmentType),
            ])
        {
            XmlTextCheck.Text(value, $"the header's {what}", nameof(options));
        }

        XmlTextCheck.NotesAndProperties(options.HeaderNotes, options.HeaderProperties, "the header", nameof(options));
    }
}
