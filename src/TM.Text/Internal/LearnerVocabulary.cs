namespace TM.Text.Internal;

/// <summary>Words of one language with their ids and the number of pairs each occurred in.</summary>
internal sealed class LearnerVocabulary
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public LearnerVocabulary() => lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public List<string> Words { get; } = [];

    public List<int> Counts { get; } = [];

    /// <summary>Replaces <paramref name="result"/> with the distinct ids of the tokens, at most <paramref name="limit"/>.</summary>
    public void Identify(LexicalTokens tokens, List<int> result, int limit)
    {
        result.Clear();
        for (var t = 0; t < tokens.Count && result.Count < limit; t++)
        {
            var token = tokens[t];
            if (!lookup.TryGetValue(token, out var id))
            {
                id = Words.Count;
                var word = token.ToString();
                ids.Add(word, id);
                Words.Add(word);
                Counts.Add(0);
            }

            if (!result.Contains(id))
            {
                result.Add(id);
            }
        }
    }
}
