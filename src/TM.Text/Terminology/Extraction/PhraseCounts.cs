using System.Runtime.InteropServices;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// How many pairs hold each phrase of one language, each pair counted once, in at most about
/// <see cref="TermExtractionOptions.MaxTableEntries"/> entries: past that, the rarest phrases are forgotten (<see cref="TablePruning"/>)
/// (the Zipfian tail of n-grams is where the entries are, and a term seen once is not proposed anyway).
/// </summary>
internal sealed class PhraseCounts
{
    private readonly Dictionary<string, Entry> counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int maxEntries;

    public PhraseCounts(int maxEntries)
    {
        this.maxEntries = maxEntries;
        lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Counts the distinct phrases of one pair; <paramref name="pair"/> must grow from call to call.</summary>
    public void Add(PhraseList phrases, int pair)
    {
        for (var p = 0; p < phrases.Count; p++)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, phrases.Key(p), out var exists);
            if (!exists || entry.LastPair != pair)
            {
                entry = new Entry(entry.Count + 1, pair);
            }
        }

        if (counts.Count > maxEntries)
        {
            TablePruning.ForgetRarest(counts, static e => e.Count, maxEntries);
        }
    }

    /// <summary>The phrases held by at least <paramref name="minimum"/> pairs, numbered.</summary>
    public PhraseVocabulary Vocabulary(int minimum)
    {
        var kept = new List<(string Key, int Count)>();
        foreach (var (key, entry) in counts)
        {
            if (entry.Count >= minimum)
            {
                kept.Add((key, entry.Count));
            }
        }

        // Ordinal order, so that ids (and with them every tie) do not depend on hash order.
        kept.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new PhraseVocabulary(WithoutDependentParts(kept));
    }

    /// <summary>
    /// Leaves out each phrase that occurs only inside one longer phrase: a part held by exactly as many pairs as a kept
    /// phrase that contains it ("Syngman" of "Syngman Rhee", "Walton H." of "Walton H. Walker", 리퍼 of 리퍼 작전) never
    /// stands for itself, which is the observation behind Frantzi and Ananiadou's C-value. A part that also occurs
    /// elsewhere (전쟁 beside 한국 전쟁) stays.
    /// </summary>
    private static List<(string Key, int Count)> WithoutDependentParts(List<(string Key, int Count)> phrases)
    {
        var countOf = new Dictionary<string, int>(phrases.Count, StringComparer.Ordinal);
        foreach (var (key, count) in phrases)
        {
            countOf[key] = count;
        }

        var dependent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, count) in phrases)
        {
            var words = key.Split(' ');
            for (var length = 1; length < words.Length; length++)
            {
                for (var start = 0; start + length <= words.Length; start++)
                {
                    var part = string.Join(' ', words, start, length);
                    if (countOf.TryGetValue(part, out var partCount) && partCount == count)
                    {
                        dependent.Add(part);
                    }
                }
            }
        }

        return dependent.Count == 0 ? phrases : phrases.FindAll(p => !dependent.Contains(p.Key));
    }

    private readonly record struct Entry(int Count, int LastPair);
}
