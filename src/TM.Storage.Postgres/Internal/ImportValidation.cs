using System.Globalization;
using TM.Storage.Internal;

namespace TM.Storage.Postgres.Internal;

/// <summary>
/// Checks an import's options and pairs before its transaction starts, so that a bad pair costs no work and is named
/// by its index; the database would refuse it too, half-way through the batch and with a message about bytes.
/// </summary>
internal static class ImportValidation
{
    public static void Check(ImportOptions options) => ImportOptionChecks.Check(options);

    /// <exception cref="ArgumentException">A pair or one of its texts is null, or a text holds U+0000, which PostgreSQL's text type cannot store.</exception>
    public static void Check(IReadOnlyList<SegmentInput> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            if (pair is null)
                throw new ArgumentException($"pairs[{Index(i)}] is null.", nameof(pairs));
            Text(pair.Korean, nameof(pair.Korean), i);
            Text(pair.English, nameof(pair.English), i);
            Text(pair.Origin, nameof(pair.Origin), i);
            Text(pair.Note, nameof(pair.Note), i);
            Text(pair.KoreanMarkup, nameof(pair.KoreanMarkup), i);
            Text(pair.EnglishMarkup, nameof(pair.EnglishMarkup), i);
        }
    }

    /// <summary>Checks one text of an edit: null (kept as it is) passes.</summary>
    /// <exception cref="ArgumentException">The text holds U+0000.</exception>
    public static void CheckText(string? text, string name)
    {
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
            throw new ArgumentException($"{name} holds a NUL character (U+0000), which the PostgreSQL store cannot keep; remove it.", name);
    }

    private static void Text(string? text, string name, int index)
    {
        if (text is null)
            throw new ArgumentException($"pairs[{Index(index)}].{name} is null.", "pairs");
        if (text.Contains('\0', StringComparison.Ordinal))
            throw new ArgumentException($"pairs[{Index(index)}].{name} holds a NUL character (U+0000), which the PostgreSQL store cannot keep; remove it from the input.", "pairs");
    }

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
