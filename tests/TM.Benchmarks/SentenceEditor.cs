namespace TM.Benchmarks;

/// <summary>
/// Edits a sentence at a given rate, the way a revision changes it: round(r × n) random edits to a sentence
/// of n units — Hangul syllables in Korean, words in English, the units the scorer counts — half
/// substitutions, a quarter insertions, a quarter deletions.
/// </summary>
/// <remarks>Edits may land on the same place, so the scorer's distance is at most, not exactly, r × n.</remarks>
internal static class SentenceEditor
{
    public static string EditKorean(string text, double rate, Random random, SentenceGenerator generator)
    {
        var chars = new List<char>(text);
        var edits = (int)Math.Round(rate * chars.Count(SentenceGenerator.IsHangulSyllable));
        var positions = new List<int>(chars.Count);
        for (var e = 0; e < edits; e++)
        {
            positions.Clear();
            for (var i = 0; i < chars.Count; i++)
            {
                if (SentenceGenerator.IsHangulSyllable(chars[i]))
                    positions.Add(i);
            }
            if (positions.Count <= 1)
                break;
            var at = positions[random.Next(positions.Count)];
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at + 1, generator.RandomSyllable(random));
                    break;
                case 1:
                    chars.RemoveAt(at);
                    break;
                default:
                    char replacement;
                    do
                    {
                        replacement = generator.RandomSyllable(random);
                    }
                    while (replacement == chars[at]);
                    chars[at] = replacement;
                    break;
            }
        }
        return new string(chars.ToArray());
    }

    public static string EditEnglish(string text, double rate, Random random, SentenceGenerator generator)
    {
        var words = new List<string>(text.Split(' '));
        var edits = (int)Math.Round(rate * words.Count);
        for (var e = 0; e < edits && words.Count > 1; e++)
        {
            var at = random.Next(words.Count);
            switch (random.Next(4))
            {
                case 0:
                    words.Insert(at + 1, generator.RandomEnglishWord(random));
                    break;
                case 1:
                    words.RemoveAt(at);
                    break;
                default:
                    string replacement;
                    do
                    {
                        replacement = generator.RandomEnglishWord(random);
                    }
                    while (string.Equals(replacement, words[at].TrimEnd('.', ','), StringComparison.OrdinalIgnoreCase));
                    words[at] = replacement;
                    break;
            }
        }
        return string.Join(' ', words);
    }
}
