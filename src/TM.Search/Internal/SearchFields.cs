using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// The fields of a segment's document, and the analyzers of its text fields. Texts are indexed, never stored (the
/// server reads them from its store); everything else is a doc value, but for a caller's payload, which is stored.
/// </summary>
internal static class SearchFields
{
    public const LuceneVersion LuceneVersion = Lucene.Net.Util.LuceneVersion.LUCENE_48;

    /// <summary>The segment id (numeric doc value): the page's order, the ids returned, updates and deletes.</summary>
    public const string Id = "id";

    /// <summary>
    /// Filter values (doc values, checked on hits): memory and import numbers, origin and users as strings. The
    /// origin is also indexed as one term (a StringField of the same name), which a search filtered by it intersects.
    /// </summary>
    public const string Memory = "memory";
    public const string Import = "import";
    public const string Origin = "origin";
    public const string CreatedBy = "created_by";
    public const string ChangedBy = "changed_by";

    /// <summary>
    /// The pair's field values (TM attributes), one sorted-set doc value per value: <see cref="FieldKey"/> of the
    /// name and the value. Checked on hits like the other filters; a pair without fields costs nothing.
    /// </summary>
    public const string Fields = "fields";

    /// <summary>The caller's bytes (<see cref="IndexedSegment.Payload"/>), stored, not indexed; only on documents that have them.</summary>
    public const string Payload = "payload";

    /// <summary>Dates as UTC ticks in numeric doc values.</summary>
    public const string Created = "created";
    public const string Changed = "changed";

    /// <summary>The Korean text: <see cref="KoreanSubstringAnalyzer"/>.</summary>
    public const string Korean = "ko";

    /// <summary>The English text, words as written and word-forms keys: <see cref="EnglishWordAnalyzer"/>.</summary>
    public const string English = "en";

    /// <summary>
    /// Text fields: positions for phrases, no norms (hits are ordered by id, never scored, and norms would cost
    /// a byte per field and document), no term vectors or offsets (spans are computed from the text).
    /// </summary>
    public static readonly FieldType Text = CreateTextType();

    public static readonly Analyzer KoreanAnalyzer = new KoreanSubstringAnalyzer();
    public static readonly Analyzer EnglishAnalyzer = new EnglishWordAnalyzer();

    /// <summary>The index writer's analyzer: each text field with its own chain.</summary>
    public static Analyzer CreateIndexAnalyzer() => new PerFieldAnalyzerWrapper(
        EnglishAnalyzer,
        new Dictionary<string, Analyzer>
        {
            [Korean] = KoreanAnalyzer,
            [English] = EnglishAnalyzer,
        });

    /// <summary>
    /// A field value as <see cref="Fields"/> holds it: the name in lower case (names are compared without regard to
    /// case), a unit separator (U+001F, which no name holds), the value as given.
    /// </summary>
    public static BytesRef FieldKey(string name, string value) => new(name.ToLowerInvariant() + "\u001F" + value);

    private static FieldType CreateTextType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS,
        };
        type.Freeze();
        return type;
    }
}
