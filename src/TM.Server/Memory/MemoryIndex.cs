using TM.Interchange;
using TM.Matching;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>The in-memory fuzzy indexes of one memory: one per language side, kept in step with the store.</summary>
public sealed class MemoryIndex
{
    /// <summary>Creates empty indexes for a memory.</summary>
    public MemoryIndex(MemoryInfo info) => Info = info;

    /// <summary>The memory's identity in the store.</summary>
    public MemoryInfo Info { get; }

    /// <summary>Index over the Korean sides.</summary>
    public FuzzyIndex Korean { get; } = new();

    /// <summary>Index over the English sides.</summary>
    public FuzzyIndex English { get; } = new();

    /// <summary>Word associations learned from this memory's pairs, for aligning documents into it.</summary>
    public MemoryLexicon Lexicon { get; } = new();

    /// <summary>Serialises writers to this memory so the store and both indexes change in the same order.</summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>The index to search for a query in <paramref name="side"/>.</summary>
    public FuzzyIndex For(SegmentSide side) => side == SegmentSide.Korean ? Korean : English;

    /// <summary>Adds stored segments to both indexes; each index applies the batch atomically.</summary>
    public void Add(IReadOnlyList<StoredSegment> segments)
    {
        var korean = new List<KeyValuePair<int, string>>(segments.Count);
        var english = new List<KeyValuePair<int, string>>(segments.Count);
        foreach (var segment in segments)
        {
            var id = ToIndexId(segment.Id);
            // Inline-tag placeholders are formatting, not words: left in, one in the middle of a word would split
            // it (the tokenizer reads private use as punctuation), so "<b>Hunmin</b>jeongeum" would not match.
            korean.Add(new(id, InlinePlaceholder.Remove(segment.Korean)));
            english.Add(new(id, InlinePlaceholder.Remove(segment.English)));
        }
        Korean.AddRange(korean);
        English.AddRange(english);
    }

    // The index keys are ints to halve its postings; SQLite row ids only grow past 2^31 after two
    // billion inserts into one file, which this server refuses loudly rather than wrapping.
    private static int ToIndexId(long id) =>
        id <= int.MaxValue ? (int)id : throw new InvalidOperationException($"Segment id {id} exceeds the index's range.");
}
