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
    private readonly FrozenDictionary<long, TermRecord> _entries;

    /// <summary>Builds the recognizer over <paramref name="entries"/>.</summary>
    public Termbase(IEnumerable<TermRecord> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.ToFrozenDictionary(e => e.Id);
        _recognizer = _entries.Count == 0 ? TermRecognizer.Empty : new TermRecognizer(_entries.Values.Select(FormsOf));
    }

    /// <summary>A termbase without entries: finds nothing.</summary>
    public static Termbase Empty { get; } = new([]);

    /// <summary>The entries it holds.</summary>
    public int Count => _entries.Count;

    /// <summary>The termbase's forms found in <paramref name="text"/>, in text order (see <see cref="TermRecognizer.Find"/>).</summary>
    public IReadOnlyList<TermHit> Find(string text, Language language) =>
        _entries.Count == 0 || text.Length == 0 ? [] : _recognizer.Find(text, language);

    /// <summary>The forbidden variants found in <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<TermHit> FindForbidden(string text, Language language)
    {
        var hits = Find(text, language);
        return hits.Count == 0 ? hits : [.. hits.Where(h => h.Forbidden)];
    }

    /// <summary>The entry a hit names.</summary>
    public TermRecord Entry(TermHit hit) => _entries[hit.EntryId];

    // Approved term first, then the admitted variants: the recognizer's order. An empty approved term (a one-sided entry) is skipped by it.
    private static TermForms FormsOf(TermRecord record)
    {
        var content = record.Content;
        return new TermForms(record.Id, [content.Korean, .. content.KoreanVariants], [content.English, .. content.EnglishVariants],
            content.ForbiddenKorean, content.ForbiddenEnglish);
    }
}
