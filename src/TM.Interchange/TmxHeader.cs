namespace TM.Interchange;

/// <summary>
/// The <c>&lt;header&gt;</c> of a TMX file and the version of its <c>&lt;tmx&gt;</c> element, as
/// <see cref="TmxReader.ReadHeader"/> found them (to write a header, see <see cref="TmxWriterOptions"/>). Every member is
/// null or empty when the file leaves it out; the reader does not insist on the attributes TMX calls required,
/// since tools disagree on them and none of them is needed to read the units.
/// </summary>
public sealed class TmxHeader
{
    /// <summary>The <c>version</c> attribute of <c>&lt;tmx&gt;</c>: 1.1, 1.2, 1.3, 1.4, 1.4a or 1.4b; null when absent (read as 1.4).</summary>
    public string? Version { get; internal init; }

    /// <summary>The <c>creationtool</c> attribute ("SDL Language Platform", "OmegaT").</summary>
    public string? CreationTool { get; internal init; }

    /// <summary>The <c>creationtoolversion</c> attribute.</summary>
    public string? CreationToolVersion { get; internal init; }

    /// <summary>The <c>segtype</c> attribute: block, paragraph, sentence or phrase.</summary>
    public string? SegmentType { get; internal init; }

    /// <summary>The <c>o-tmf</c> attribute: the format of the TM the file was exported from ("SDL TM8 Format", "OmegaT TMX").</summary>
    public string? OriginalFormat { get; internal init; }

    /// <summary>The <c>adminlang</c> attribute: the language of notes and properties.</summary>
    public string? AdminLanguage { get; internal init; }

    /// <summary>The <c>srclang</c> attribute: the source language, or <c>*all*</c>.</summary>
    public string? SourceLanguage { get; internal init; }

    /// <summary>The <c>datatype</c> attribute ("plaintext", "xml", "html").</summary>
    public string? DataType { get; internal init; }

    /// <summary>The <c>o-encoding</c> attribute: the encoding of the original TM, not of this file.</summary>
    public string? OriginalEncoding { get; internal init; }

    /// <summary>The <c>creationdate</c> attribute.</summary>
    public DateTimeOffset? CreationDate { get; internal init; }

    /// <summary>The <c>creationid</c> attribute.</summary>
    public string? CreationId { get; internal init; }

    /// <summary>The <c>changedate</c> attribute.</summary>
    public DateTimeOffset? ChangeDate { get; internal init; }

    /// <summary>The <c>changeid</c> attribute.</summary>
    public string? ChangeId { get; internal init; }

    /// <summary>The header's <c>&lt;prop&gt;</c>s in file order (Trados keeps <c>x-TMName</c>, <c>x-Recognizers</c> here); empty when none.</summary>
    public IReadOnlyList<TmxProperty> Properties { get; internal set; } = [];

    /// <summary>The header's <c>&lt;note&gt;</c>s in file order; empty when none.</summary>
    public IReadOnlyList<TmxNote> Notes { get; internal set; } = [];
}
