namespace TM.Interchange;

/// <summary>What <see cref="TmxWriter"/> puts in the header and how it names the two languages; the defaults make a plain TMX 1.4b file any CAT tool imports.</summary>
public sealed record TmxWriterOptions
{
    /// <summary>The defaults.</summary>
    public static TmxWriterOptions Default { get; } = new();

    /// <summary>The <c>xml:lang</c> of Korean variants. Default "ko"; set "ko-KR" for a tool that wants a region.</summary>
    public string KoreanLanguage { get; init => field = Required(value); } = "ko";

    /// <summary>The <c>xml:lang</c> of English variants. Default "en"; set "en-US" or "en-GB" for a tool that wants a region.</summary>
    public string EnglishLanguage { get; init => field = Required(value); } = "en";

    /// <summary>
    /// The header's <c>srclang</c>: <see cref="KoreanLanguage"/> (the default, "ko"), <see cref="EnglishLanguage"/>, or
    /// <c>*all*</c>. The source variant is written first in each unit.
    /// </summary>
    public string SourceLanguage { get; init => field = Required(value); } = "ko";

    /// <summary>The header's <c>creationtool</c>. Default "TM".</summary>
    public string CreationTool { get; init => field = Required(value); } = "TM";

    /// <summary>The header's <c>creationtoolversion</c>. Default: the version of this library.</summary>
    public string CreationToolVersion { get; init => field = Required(value); } =
        typeof(TmxWriterOptions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>The header's <c>o-tmf</c>, the format of the memory the file comes from. Default "TM".</summary>
    public string OriginalFormat { get; init => field = Required(value); } = "TM";

    /// <summary>The header's <c>adminlang</c>, the language of properties and notes. Default "en".</summary>
    public string AdminLanguage { get; init => field = Required(value); } = "en";

    /// <summary>The header's <c>datatype</c>. Default "plaintext".</summary>
    public string DataType { get; init => field = Required(value); } = "plaintext";

    /// <summary>The header's <c>segtype</c>. Default "sentence", as TM stores sentence pairs.</summary>
    public string SegmentType { get; init => field = Required(value); } = "sentence";

    /// <summary>The header's <c>creationdate</c>; null (the default) leaves it out, which keeps output reproducible.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>The header's <c>&lt;prop&gt;</c>s; empty by default.</summary>
    public IReadOnlyList<TmxProperty> HeaderProperties { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>The header's <c>&lt;note&gt;</c>s; empty by default.</summary>
    public IReadOnlyList<TmxNote> HeaderNotes { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>Whether to put each element of the structure on its own indented line. Default true. Segment content is never indented, since white space there is text.</summary>
    public bool Indent { get; init; } = true;

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
