namespace TM.Interchange;

/// <summary>What <see cref="Xliff2Writer"/> puts on the <c>&lt;xliff&gt;</c> and <c>&lt;file&gt;</c> elements.</summary>
public sealed record Xliff2WriterOptions
{
    /// <summary>Korean to English, file id <c>f1</c>, no original.</summary>
    public static Xliff2WriterOptions Default { get; } = new();

    /// <summary>The <c>srcLang</c>, a BCP 47 tag; default <c>ko</c>.</summary>
    public string SourceLanguage { get; init; } = "ko";

    /// <summary>The <c>trgLang</c>, a BCP 47 tag; default <c>en</c>.</summary>
    public string TargetLanguage { get; init; } = "en";

    /// <summary>The <c>&lt;file&gt;</c>'s <c>id</c>; default <c>f1</c>.</summary>
    public string FileId { get; init; } = "f1";

    /// <summary>The <c>&lt;file&gt;</c>'s <c>original</c>: the name of the document the units come from; null leaves it out.</summary>
    public string? Original { get; init; }

    /// <summary>Metadata of the whole file (the memory, the document's name), written as <c>&lt;mda:metadata&gt;</c> on the <c>&lt;file&gt;</c>; empty for none.</summary>
    public IReadOnlyList<XliffMeta> Metadata { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
