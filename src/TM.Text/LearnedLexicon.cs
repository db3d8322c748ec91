using System.Collections.Frozen;
using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// A Korean–English word dictionary learned from a translation memory by <see cref="LexiconLearner"/>: each
/// Korean stem maps to its most associated English word. As an <see cref="ITranslationLexicon"/> it gives the
/// aligner weak anchors (<see cref="AlignmentCosts.LearnedMatch"/>, <see cref="AlignmentCosts.LearnedMismatch"/>):
/// a Korean sentence yields <c>learned:</c> + the translation of each of its stems, an English sentence yields
/// <c>learned:</c> + each of its words that is some stem's translation. Immutable and thread-safe.
/// </summary>
public sealed class LearnedLexicon : ITranslationLexicon
{
    /// <summary>What every key of this lexicon starts with, so that the aligner can tell learned keys from others.</summary>
    public const string KeyPrefix = "learned:";

    [ThreadStatic]
    private static LexicalTokens? tokens;

    private readonly FrozenDictionary<string, string> translations;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> koreanKeys;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> englishKeys;

    internal LearnedLexicon(IReadOnlyDictionary<string, string> translations)
    {
        this.translations = translations.ToFrozenDictionary(StringComparer.Ordinal);

        // Keys are built once here, so that looking up a sentence allocates only its result list.
        var keyOfWord = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in translations.Values)
        {
            keyOfWord.TryAdd(word, KeyPrefix + word);
        }

        koreanKeys = translations
            .ToFrozenDictionary(t => t.Key, t => keyOfWord[t.Value], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        englishKeys = keyOfWord.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A lexicon that knows no words (what a learner returns before it has seen enough pairs).</summary>
    public static LearnedLexicon Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Korean stems that have a learned translation.</summary>
    public int Count => translations.Count;

    /// <summary>
    /// The learned translations: Korean stem (particles stripped: 전쟁, not 전쟁을) → English word (lowercase,
    /// plural stripped: armistice). For inspection and reports; the aligner only needs <see cref="FindTerms"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Translations => translations;

    /// <inheritdoc/>
    public IReadOnlyList<string> FindTerms(string sentence, Language language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (translations.Count == 0)
        {
            return [];
        }

        var words = tokens ??= new LexicalTokens();
        words.Clear();
        var keys = language == Language.Korean ? koreanKeys : englishKeys;
        if (language == Language.Korean)
        {
            KoreanStemmer.Stems(sentence, words);
        }
        else
        {
            EnglishWords.Words(sentence, words);
        }

        List<string>? found = null;
        for (var t = 0; t < words.Count; t++)
        {
            if (keys.TryGetValue(words[t], out var key))
            {
                (found ??= []).Add(key);
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }
}
