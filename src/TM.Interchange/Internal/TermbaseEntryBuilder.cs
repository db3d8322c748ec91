namespace TM.Interchange.Internal;

/// <summary>
/// Gathers the terms, notes and sources of one entry as a reader meets them, then decides which term is approved:
/// per language the first preferred term, or without one the first term that is not forbidden; the other allowed
/// terms are variants, deprecated and superseded ones forbidden.
/// </summary>
internal sealed class TermbaseEntryBuilder
{
    private readonly List<(string Text, TermStatus Status)> korean = [];
    private readonly List<(string Text, TermStatus Status)> english = [];
    private readonly List<string> notes = [];
    private readonly List<string> sources = [];
    private string partOfSpeech = "";
    private string? id;

    public int TermCount => korean.Count + english.Count;

    public void Reset(string? entryId)
    {
        korean.Clear();
        english.Clear();
        notes.Clear();
        sources.Clear();
        partOfSpeech = "";
        id = entryId;
    }

    public void AddTerm(Side side, string text, TermStatus status, string termPartOfSpeech)
    {
        text = text.Trim();
        if (text.Length == 0 || side == Side.Other)
        {
            return;
        }

        (side == Side.Korean ? korean : english).Add((text, status));
        if (partOfSpeech.Length == 0)
        {
            partOfSpeech = termPartOfSpeech;
        }
    }

    public void AddNote(string text) => AddDistinct(notes, text);

    public void AddSource(string text) => AddDistinct(sources, text);

    /// <summary>The entry, or null when it has no Korean and no English term.</summary>
    public TermbaseEntry? Build()
    {
        if (TermCount == 0)
        {
            return null;
        }

        var (koreanTerm, koreanVariants, forbiddenKorean) = Split(korean);
        var (englishTerm, englishVariants, forbiddenEnglish) = Split(english);
        return new TermbaseEntry
        {
            Id = id,
            Korean = koreanTerm,
            English = englishTerm,
            KoreanVariants = koreanVariants,
            EnglishVariants = englishVariants,
            ForbiddenKorean = forbiddenKorean,
            ForbiddenEnglish = forbiddenEnglish,
            PartOfSpeech = partOfSpeech,
            Note = string.Join('\n', notes),
            Source = string.Join('\n', sources),
        };
    }

    private static (string Approved, string[] Variants, string[] Forbidden) Split(List<(string Text, TermStatus Status)> terms)
    {
        var approved = terms.FindIndex(t => t.Status == TermStatus.Preferred);
        if (approved < 0)
        {
            approved = terms.FindIndex(t => t.Status != TermStatus.Forbidden);
        }

        var variants = terms.Where((t, i) => i != approved && t.Status != TermStatus.Forbidden).Select(t => t.Text).ToArray();
        var forbidden = terms.Where(t => t.Status == TermStatus.Forbidden).Select(t => t.Text).ToArray();
        return (approved < 0 ? "" : terms[approved].Text, variants, forbidden);
    }

    private static void AddDistinct(List<string> list, string text)
    {
        text = text.Trim();
        if (text.Length > 0 && !list.Contains(text))
        {
            list.Add(text);
        }
    }
}
