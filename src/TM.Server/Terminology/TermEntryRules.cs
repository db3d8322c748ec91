using System.Globalization;
using TM.Interchange;
using TM.Storage;

namespace TM.Server.Terminology;

/// <summary>
/// What a termbase entry may hold, checked once for every way an entry arrives (AddTerm, UpdateTerm, an imported file):
/// texts trimmed, within their lengths, without control characters or characters XML (and so a TBX export) cannot
/// carry, at least one approved term, and lists of distinct non-empty forms.
/// </summary>
public static class TermEntryRules
{
    /// <summary>Longest term or variant: a long institution's or treaty's name, far past any real term.</summary>
    public const int MaxTermLength = 1_000;

    /// <summary>Longest note (a definition, a usage note).</summary>
    public const int MaxNoteLength = 10_000;

    /// <summary>Most forms in each list of variants or forbidden variants.</summary>
    public const int MaxVariants = 50;

    /// <summary>The part-of-speech values of TBX-Basic's picklist, and the empty text for none.</summary>
    public static readonly IReadOnlyList<string> PartsOfSpeech = ["noun", "verb", "adjective", "adverb", "properNoun", "other"];

    /// <summary>
    /// The entry as it is stored: every text trimmed, empty forms and repeats dropped from the lists (and a variant equal
    /// to its approved term), the part of speech in the picklist's spelling.
    /// </summary>
    /// <param name="term">The entry as a caller sent it.</param>
    /// <param name="where">What names the entry in a message ("The entry", "Entry 12 (line 40)").</param>
    /// <exception cref="ArgumentException">Something breaks the rules; the message names the field and what to do.</exception>
    public static TermContent Normalize(TermContent term, string where = "The entry")
    {
        ArgumentNullException.ThrowIfNull(term);
        var korean = Text(term.Korean, "ko", MaxTermLength, where);
        var english = Text(term.English, "en", MaxTermLength, where);
        if (korean.Length == 0 && english.Length == 0)
            throw new ArgumentException($"{where} has neither a Korean nor an English term (ko, en); give at least one of them.");
        return new TermContent(korean, english)
        {
            KoreanVariants = Forms(term.KoreanVariants, korean, "ko_variants", where),
            EnglishVariants = Forms(term.EnglishVariants, english, "en_variants", where),
            ForbiddenKorean = Forms(term.ForbiddenKorean, korean, "forbidden_ko", where),
            ForbiddenEnglish = Forms(term.ForbiddenEnglish, english, "forbidden_en", where),
            PartOfSpeech = PartOfSpeech(term.PartOfSpeech, where),
            Note = Text(term.Note, "note", MaxNoteLength, where),
            Source = Text(term.Source, "source", MaxTermLength, where),
        };
    }

    private static string PartOfSpeech(string value, string where)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
            return "";
        foreach (var known in PartsOfSpeech)
        {
            if (string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase))
                return known;
        }
        throw new ArgumentException($"{where}: part_of_speech is '{trimmed}'; use one of {string.Join(", ", PartsOfSpeech)}, or leave it empty.");
    }

    private static List<string> Forms(IReadOnlyList<string> forms, string approved, string field, string where)
    {
        if (forms.Count > MaxVariants)
            throw new ArgumentException($"{where}: {field} holds {forms.Count.ToString(CultureInfo.InvariantCulture)} forms; the limit is {MaxVariants}.");
        var kept = new List<string>(forms.Count);
        foreach (var form in forms)
        {
            var text = Text(form, field, MaxTermLength, where);
            if (text.Length > 0 && text != approved && !kept.Contains(text, StringComparer.Ordinal))
                kept.Add(text);
        }
        return kept;
    }

    private static string Text(string text, string field, int maxLength, string where)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
            throw new ArgumentException($"{where}: {field} is {trimmed.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is {maxLength.ToString("N0", CultureInfo.InvariantCulture)}.");
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsControl(trimmed[i]))
                throw new ArgumentException($"{where}: {field} holds a control character (U+{(int)trimmed[i]:X4}) at character {(i + 1).ToString(CultureInfo.InvariantCulture)}; a term is one line of text.");
        }
        if (XmlText.IndexOfInvalid(trimmed) is var invalid and >= 0)
            throw new ArgumentException($"{where}: {field} holds {XmlText.Describe(trimmed[invalid])} at character {(invalid + 1).ToString(CultureInfo.InvariantCulture)}, which XML (and so a TBX export) cannot carry.");
        return trimmed;
    }
}
