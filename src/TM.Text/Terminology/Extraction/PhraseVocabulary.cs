namespace TM.Text.Terminology.Extraction;

/// <summary>The phrases of one language frequent enough to be candidates, numbered 0…<see cref="Count"/>-1, with their pair counts.</summary>
internal sealed class PhraseVocabulary
{
    private readonly string[] keys;
    private readonly int[] counts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids;

    public PhraseVocabulary(IReadOnlyList<(string Key, int Count)> phrases)
    {
        keys = new string[phrases.Count];
        counts = new int[phrases.Count];
        var byKey = new Dictionary<string, int>(phrases.Count, StringComparer.Ordinal);
        for (var i = 0; i < phrases.Count; i++)
        {
            keys[i] = phrases[i].Key;
            counts[i] = phrases[i].Count;
            byKey.Add(phrases[i].Key, i);
        }

        ids = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => keys.Length;

    public string Key(int id) => keys[id];

    /// <summary>Pairs holding the phrase.</summary>
    public int Pairs(int id) => counts[id];

    public bool TryGetId(ReadOnlySpan<char> key, out int id) => ids.TryGetValue(key, out id);
}
