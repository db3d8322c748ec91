namespace TM.Interchange;

/// <summary>What <see cref="Xliff12Writer"/> puts on the <c>&lt;file&gt;</c> element and in its <c>&lt;header&gt;</c>.</summary>
public sealed record Xliff12WriterOptions
{
    /// <summary>Korean to English, original <c>document</c>.</summary>
    public static Xliff12WriterOptions Default { get; } = new();

    /// <summary>The <c>source-language</c>, a language tag; default <c>ko</c>.</summary>
    public string SourceLanguage { get; init; } = "ko";

    /// <summary>The <c>target-language</c>, a language tag; default <c>en</c>.</summary>
    public string TargetLanguage { get; init; } = "en";

    /// <summary>
    /// The <c>original</c>: the name of the document the units come from. XLIFF 1.2 requires the attribute, so it is
    /// never left out; default <c>document</c>.
    /// </summary>
    public string Original { get; init; } = "document";

    /// <summary>Metadata of the whole file (the memory, the tool), written as <c>&lt;note&gt;</c>s in the <c>&lt;header&gt;</c>; empty for none.</summary>
    public IReadOnlyList<XliffMeta> Metadata { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
