namespace TM.Benchmarks;

/// <summary>Concordance terms cut from random texts of a memory: what translators search for, and certain to be there.</summary>
internal static class ConcordanceTerms
{
    /// <summary>Runs of <paramref name="syllables"/> Hangul syllables from random texts among the first <paramref name="limit"/>.</summary>
    public static List<string> Korean(IReadOnlyList<string> texts, int limit, int syllables, int count, Random random)
    {
        var terms = new List<string>(count);
        while (terms.Count < count)
        {
            var text = texts[random.Next(limit)];
            if (text.Length < syllables)
                continue;
            var start = random.Next(0, text.Length - syllables + 1);
            var term = text.Substring(start, syllables);
            if (term.All(c => c is >= '\uAC00' and <= '\uD7A3'))
                terms.Add(term);
        }
        return terms;
    }

    /// <summary>Words (letters only), or <paramref name="words"/> adjacent ones, from random texts among the first <paramref name="limit"/>.</summary>
    public static List<string> English(IReadOnlyList<string> texts, int limit, int words, int count, Random random)
    {
        var terms = new List<string>(count);
        while (terms.Count < count)
        {
            var tokens = texts[random.Next(limit)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < words)
                continue;
            var start = random.Next(0, tokens.Length - words + 1);
            var term = tokens.Skip(start).Take(words).ToArray();
            if (term.All(word => word.All(char.IsAsciiLetter)))
                terms.Add(string.Join(' ', term));
        }
        return terms;
    }
}
