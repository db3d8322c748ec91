using System.Buffers;
using System.Collections.Frozen;
using TM.Storage;
using TM.Text;
using TM.Text.Terminology;

namespace TM.Server.Terminology;

/// <summary>
/// A memory's termbase as recognition sees it at one moment: the recognizer built from its entries and the entries by
/// id, so that a hit can be shown with its approved translation without reading the store. Immutable; a change of the
/// termbase makes a new one (<see cref="TermbaseCatalog.ForAsync"/>).
/// </summary>
public sealed class Termbase
{
    private readonly TermRecognizer _recognizer;
    private readonly TermRecognizer _forbidden;
    // The first letters of every forbidden form, per language: a text holding none of them holds no forbidden form, and
    // finding that is a vectorised scan instead of a recognizer's read of every word. Null: the language has no form.
    private readonly Prefilter? _koreanForbiddenStarts;
    private readonly Prefilter? _englishForbiddenStarts;
    private readonly FrozenDictionary<long, TermRecord> _entries;

    /// <summary>Builds the recognizers over <paramref name="entries"/>.</summary>
    public Termbase(IEnumerable<TermRecord> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToFrozenDictionary(e => e.Id);
        _recognizer = _entries.Count == 0 ? TermRecognizer.Empty : new TermRecognizer(_entries.Values.Select(FormsOf));
        var forbidden = _entries.Values.Where(e => e.Content.ForbiddenKorean.Count + e.Content.ForbiddenEnglish.Count > 0)
            .Select(e => new TermForms(e.Id, [], [], e.Content.ForbiddenKorean, e.Content.ForbiddenEnglish)).ToList();
        _forbidden = forbidden.Count == 0 ? TermRecognizer.Empty : new TermRecognizer(forbidden);
        _koreanForbiddenStarts = Starts(forbidden.SelectMany(f => f.ForbiddenKorean), KoreanStartLength, StringComparison.Ordinal);
        _englishForbiddenStarts = Starts(forbidden.SelectMany(f => f.ForbiddenEnglish), EnglishStartLength, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A termbase without entries: finds nothing.</summary>
    public static Termbase Empty { get; } = new([]);

    /// <summary>The entries it holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The termbase's forms found in <paramref name="text"/>, in text order (see <see cref="TermRecognizer.Find"/>).</summary>
    public IReadOnlyList<TermHit> Find(string text, Language language) =>
        _entries.Count == 0 || text.Length == 0 ? [] : _recognizer.Find(text, language);

    /// <summary>The forbidden variants found in <paramref name="text"/>, in text order.</summary>
    /// <remarks>
    /// Every match's stored translation is searched, so this must cost next to nothing: reading an English text costs the
    /// recognizer about 2 µs a word whatever the termbase's size (95 µs for a 45-word sentence against 2 entries, 110 µs
    /// against 20,000, and 19 µs for a Korean one; measured at a load average of 14-17 on 2 cores), five matches five times
    /// that. So a text is first scanned for the first letters of the forbidden forms (three Latin letters, case ignored, or
    /// two Korean syllables), and only a text holding one is read, by a recognizer of the forbidden forms alone. The cost of
    /// that check: an inflected form whose first three letters differ from the form's (an irregular "fought" for a
    /// forbidden "fight") is not flagged in a translation; forbidden variants are spellings and names in practice. A
    /// forbidden form inside a longer approved term of another entry is reported here, where <see cref="Find"/> gives the
    /// longer term.
    /// </remarks>
    public IReadOnlyList<TermHit> FindForbidden(string text, Language language)
    {
        var prefilter = language == Language.Korean ? _koreanForbiddenStarts : _englishForbiddenStarts;
        if (prefilter is null || text.Length == 0)
            return [];
        if (prefilter.Starts is { } starts && text.AsSpan().IndexOfAny(starts) < 0)
            return [];
        return _forbidden.Find(text, language);
    }

    /// <summary>The entry a hit names.</summary>
    public TermRecord Entry(TermHit hit) => _entries[hit.EntryId];

    // Letters of a forbidden form's start that every form of it found in a text keeps.
    private const int EnglishStartLength = 3;
    private const int KoreanStartLength = 2;

    private static Prefilter? Starts(IEnumerable<string> forms, int length, StringComparison comparison)
    {
        var starts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var form in forms.Select(f => f.Trim()).Where(f => f.Length > 0))
        {
            var letters = 0;
            while (letters < Math.Min(length, form.Length) && char.IsLetter(form[letters]))
                letters++;
            if (letters == 0)
                return new Prefilter(null); // a form starting with a digit or a sign: read every text
            starts.Add(form[..letters]);
        }
        return starts.Count == 0 ? null : new Prefilter(SearchValues.Create([.. starts], comparison));
    }

    // Starts null: every text is read.
    private sealed record Prefilter(SearchValues<string>? Starts);

    // Approved term first, then the admitted variants: the recognizer's order. An empty approved term (a one-sided entry) is skipped by it.
    private static TermForms FormsOf(TermRecord record)
    {
        var content = record.Content;
        return new TermForms(record.Id, [content.Korean, .. content.KoreanVariants], [content.English, .. content.EnglishVariants],
            content.ForbiddenKorean, content.ForbiddenEnglish);
    }
}
