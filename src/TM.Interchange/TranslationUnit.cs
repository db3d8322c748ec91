using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// One Korean-English segment pair read from or written to an interchange file, with its inline markup and
/// metadata. The texts follow the <see cref="InlinePlaceholder"/> contract: each inline tag is one private-use
/// character whose index selects the tag in <see cref="KoreanTags"/> or <see cref="EnglishTags"/>.
/// </summary>
/// <remarks>
/// The texts and tags are fixed by the constructor, which checks that they agree; the metadata can be changed with
/// <c>with</c>. Two units are equal when every member is equal, lists element by element, origin included: compare
/// <c>a with { OriginFile = null, OriginLine = null }</c> to compare content only.
/// </remarks>
public sealed record TranslationUnit
{
    /// <summary>Creates a unit from texts with placeholders and their tags.</summary>
    /// <param name="korean">The Korean text, one placeholder per tag of <paramref name="koreanTags"/>.</param>
    /// <param name="koreanTags">The Korean tags, by placeholder index; null means none.</param>
    /// <param name="english">The English text, one placeholder per tag of <paramref name="englishTags"/>.</param>
    /// <param name="englishTags">The English tags, by placeholder index; null means none.</param>
    /// <exception cref="ArgumentException">A text's placeholders do not match its tags one to one, or a <c>hi</c> span is not closed.</exception>
    public TranslationUnit(string korean, IReadOnlyList<InlineTag>? koreanTags, string english, IReadOnlyList<InlineTag>? englishTags)
    {
        ArgumentNullException.ThrowIfNull(korean);
        ArgumentNullException.ThrowIfNull(english);
        KoreanTags = koreanTags is null || koreanTags.Count == 0 ? [] : [.. koreanTags];
        EnglishTags = englishTags is null || englishTags.Count == 0 ? [] : [.. englishTags];
        InlineMarkup.Validate(korean, KoreanTags, nameof(korean));
        InlineMarkup.Validate(english, EnglishTags, nameof(english));
        Korean = korean;
        English = english;
    }

    /// <summary>The Korean text, with a placeholder where each inline tag was.</summary>
    public string Korean { get; }

    /// <summary>The inline tags of <see cref="Korean"/>, by placeholder index; empty when none.</summary>
    public IReadOnlyList<InlineTag> KoreanTags { get; }

    /// <summary>The English text, with a placeholder where each inline tag was.</summary>
    public string English { get; }

    /// <summary>The inline tags of <see cref="English"/>, by placeholder index; empty when none.</summary>
    public IReadOnlyList<InlineTag> EnglishTags { get; }

    /// <summary>The <c>tuid</c> attribute, or null when absent.</summary>
    public string? Tuid { get; init; }

    /// <summary>The <c>creationdate</c> attribute of the <c>&lt;tu&gt;</c>, or null when absent.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>The <c>creationid</c> attribute of the <c>&lt;tu&gt;</c>, or null when absent.</summary>
    public string? CreationId { get; init; }

    /// <summary>The <c>changedate</c> attribute of the <c>&lt;tu&gt;</c>, or null when absent.</summary>
    public DateTimeOffset? ChangeDate { get; init; }

    /// <summary>The <c>changeid</c> attribute of the <c>&lt;tu&gt;</c>, or null when absent.</summary>
    public string? ChangeId { get; init; }

    /// <summary>The <c>usagecount</c> attribute (how often a CAT tool reused the unit), or null when absent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int? UsageCount
    {
        get;
        init
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A usage count cannot be negative.");
            }

            field = value;
        }
    }

    /// <summary>The <c>lastusagedate</c> attribute, or null when absent.</summary>
    public DateTimeOffset? LastUsageDate { get; init; }

    /// <summary>The <c>&lt;prop&gt;</c>s of the <c>&lt;tu&gt;</c> in file order; empty when none.</summary>
    public IReadOnlyList<TmxProperty> Properties { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>The <c>&lt;note&gt;</c>s of the <c>&lt;tu&gt;</c> in file order; empty when none.</summary>
    public IReadOnlyList<TmxNote> Notes { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>What the file says about the Korean <c>&lt;tuv&gt;</c>; <see cref="VariantMetadata.Empty"/> unless set.</summary>
    public VariantMetadata KoreanMetadata { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = VariantMetadata.Empty;

    /// <summary>What the file says about the English <c>&lt;tuv&gt;</c>; <see cref="VariantMetadata.Empty"/> unless set.</summary>
    public VariantMetadata EnglishMetadata { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = VariantMetadata.Empty;

    /// <summary>The name of the file the unit was read from, as the caller gave it to the reader; null when unknown.</summary>
    public string? OriginFile { get; init; }

    /// <summary>The 1-based line where the unit starts in <see cref="OriginFile"/> (the <c>&lt;tu&gt;</c> tag, or the first line of a delimited record); null when unknown.</summary>
    public int? OriginLine { get; init; }

    /// <summary>
    /// Creates a unit from plain text, such as a TSV cell. A private-use character in the text becomes a tag of
    /// kind <see cref="InlineTagKind.PrivateUse"/>, so the text is kept as given and the placeholder contract holds.
    /// </summary>
    /// <param name="korean">The Korean text.</param>
    /// <param name="english">The English text.</param>
    /// <returns>The unit, without metadata.</returns>
    /// <exception cref="ArgumentException">A text holds more than <see cref="InlinePlaceholder.MaxCount"/> private-use characters.</exception>
    public static TranslationUnit FromText(string korean, string english)
    {
        ArgumentNullException.ThrowIfNull(korean);
        ArgumentNullException.ThrowIfNull(english);
        (string ko, IReadOnlyList<InlineTag> koTags) = SegmentBuilder.FromPlainText(korean, nameof(korean));
        (string en, IReadOnlyList<InlineTag> enTags) = SegmentBuilder.FromPlainText(english, nameof(english));
        return new TranslationUnit(ko, koTags, en, enTags);
    }

    /// <inheritdoc />
    public bool Equals(TranslationUnit? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Korean == other.Korean
                && English == other.English
                && Tuid == other.Tuid
                && CreationDate == other.CreationDate
                && CreationId == other.CreationId
                && ChangeDate == other.ChangeDate
                && ChangeId == other.ChangeId
                && UsageCount == other.UsageCount
                && LastUsageDate == other.LastUsageDate
                && OriginFile == other.OriginFile
                && OriginLine == other.OriginLine
                && ListEquality.Equal(KoreanTags, other.KoreanTags)
                && ListEquality.Equal(EnglishTags, other.EnglishTags)
                && ListEquality.Equal(Properties, other.Properties)
                && ListEquality.Equal(Notes, other.Notes)
                && KoreanMetadata.Equals(other.KoreanMetadata)
                && EnglishMetadata.Equals(other.EnglishMetadata)));

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Korean, English, Tuid, CreationDate, ChangeDate, OriginFile, OriginLine, ListEquality.Hash(KoreanTags));

    /// <summary>A one-line summary for diagnostics: the tuid and origin, then both texts with placeholders shown as <c>{n}</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"TranslationUnit {Tuid ?? "-"} ({OriginFile ?? "?"}:{OriginLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}) ko: {Show(Korean)} | en: {Show(English)}";

    private static string Show(string text) =>
        InlinePlaceholder.Count(text) == 0
            ? text
            : string.Concat(text.Select(c => InlinePlaceholder.IsPlaceholder(c) ? "{" + (c - InlinePlaceholder.First) + "}" : c.ToString()));
}
