using TM.Text.Terminology;

namespace TM.Text.Tests.Terminology.Extraction;

/// <summary>
/// A made-up memory for scale tests: term pairs of invented Korean nouns and invented English names, each pair of the
/// memory holding two or three of them in template sentences, among invented filler words that translate nothing.
/// </summary>
internal sealed class SyntheticMemory
{
    // Syllables that are no particle or ending, so that the stemmer leaves the invented nouns whole.
    private static readonly string[] Syllables = ["강", "산", "목", "훈", "탐", "벽", "숲", "촌", "령", "곤", "봉", "림", "척", "술", "방"];
    private static readonly string[] KoreanParticles = ["은", "을", "의", "에서", "과", ""];

    private SyntheticMemory(List<ExtractionPair> pairs, Dictionary<string, string> terms)
    {
        Pairs = pairs;
        Terms = terms;
    }

    public IReadOnlyList<ExtractionPair> Pairs { get; }

    /// <summary>Korean term → English term.</summary>
    public IReadOnlyDictionary<string, string> Terms { get; }

    public static SyntheticMemory Create(int pairCount, int termCount, int seed)
    {
        var random = new Random(seed);
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        var english = new HashSet<string>(StringComparer.Ordinal);
        while (terms.Count < termCount)
        {
            var korean = string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var name = $"{Word(random, capital: true)} {Word(random, capital: true)}";
            if (!terms.ContainsKey(korean) && english.Add(name))
            {
                terms.Add(korean, name);
            }
        }

        var termList = terms.ToList();
        var pairs = new List<ExtractionPair>(pairCount);
        for (var p = 0; p < pairCount; p++)
        {
            var chosen = Enumerable.Range(0, 2 + random.Next(2)).Select(_ => termList[random.Next(termList.Count)]).ToList();
            var koreanText = string.Join(' ', chosen.Select(t => t.Key + KoreanParticles[random.Next(KoreanParticles.Length)])
                .Append(string.Concat(Enumerable.Range(0, 2).Select(_ => Syllables[random.Next(Syllables.Length)])) + "하였다."));
            var englishText = "The " + string.Join(" met the ", chosen.Select(t => t.Value)) + $" near {Word(random, capital: false)}.";
            pairs.Add(new ExtractionPair(p + 1, koreanText, englishText));
        }

        return new SyntheticMemory(pairs, terms);
    }

    // Consonant-vowel words of six letters: no English function word looks like them.
    private static string Word(Random random, bool capital)
    {
        const string Consonants = "bdfgklmnprstvz";
        const string Vowels = "aeiou";
        var letters = new char[6];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = i % 2 == 0 ? Consonants[random.Next(Consonants.Length)] : Vowels[random.Next(Vowels.Length)];
        }

        if (capital)
        {
            letters[0] = char.ToUpperInvariant(letters[0]);
        }

        return new string(letters);
    }
}
