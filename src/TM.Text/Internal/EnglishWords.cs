using System.Collections.Frozen;

namespace TM.Text.Internal;

/// <summary>
/// Cuts English text into crude content-word tokens for learning word associations: lowercase words of at least
/// three letters, stopwords and number words left out, a possessive or plural ending removed (Stalin's → stalin,
/// armistices → armistice, policies → policy). Like <see cref="KoreanStemmer"/> it aims at consistency, not at
/// correct lemmas.
/// </summary>
internal static class EnglishWords
{
    /// <summary>Words shorter than this are left out: they are function words or abbreviations such as "UN",
    /// which <see cref="KnownTermsLexicon"/> already knows.</summary>
    public const int MinimumLength = 3;

    private const int MaximumLength = 64;

    // Function words, auxiliaries and frequent adverbs: they co-occur with every Korean stem and would become
    // everybody's translation. Number and month words are anchored by NumberAnchorExtractor; learning them again
    // would count one fact twice.
    private static readonly FrozenSet<string> Stopwords = FrozenSet.ToFrozenSet(
    [
        "the", "and", "for", "that", "with", "from", "this", "these", "those", "which", "who", "whom", "whose",
        "was", "were", "are", "been", "being", "have", "has", "had", "having", "its", "their", "theirs", "them",
        "they", "there", "then", "than", "into", "onto", "upon", "about", "above", "below", "after", "before",
        "not", "but", "also", "such", "only", "other", "others", "more", "most", "very", "can", "could", "would",
        "should", "will", "may", "might", "must", "shall", "all", "any", "both", "each", "few", "some", "our",
        "ours", "his", "her", "hers", "him", "she", "you", "your", "what", "when", "where", "why", "how", "while",
        "over", "under", "between", "through", "throughout", "during", "against", "without", "within", "among",
        "even", "though", "although", "because", "since", "until", "whether", "either", "neither", "nor", "yet",
        "still", "just", "own", "same", "did", "does", "doing", "done", "out", "off", "again", "further", "once",
        "here", "too", "well", "per", "via", "thus", "hence", "therefore", "however", "whereas", "moreover",
        "furthermore", "instead", "rather", "already", "ever", "never", "much", "many", "every", "another",
        "towards", "toward", "along", "across", "around", "behind", "beyond", "despite", "like", "unlike", "whole",
        "itself", "themselves", "himself", "herself", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "hundred", "thousand", "million", "billion", "first", "second",
        "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "mrs", "etc", "let",
        "got", "get", "gets", "made", "make", "makes", "said", "now", "ago", "amid", "amidst", "besides",
        "herein", "thereby", "wherein", "whereby", "don", "doesn",
        "didn", "isn", "wasn", "weren", "aren", "won", "hasn", "haven", "hadn", "cannot",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopwordLookup =
        Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a lowercase word is one of the function words, auxiliaries, frequent adverbs, number or month
    /// words that <see cref="Words"/> leaves out (words shorter than <see cref="MinimumLength"/> are not listed).</summary>
    public static bool IsStopword(ReadOnlySpan<char> lowercase) => StopwordLookup.Contains(lowercase);

    /// <summary>Appends the content words of <paramref name="text"/> to <paramref name="words"/>, in order, repeats kept.</summary>
    public static void Words(ReadOnlySpan<char> text, LexicalTokens words)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!Chars.IsLatinLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && Chars.IsLatinLetter(text[i]))
            {
                i++;
            }

            var word = text[start..i];

            // A possessive 's ends the word (Stalin's, Moscow’s); any other apostrophe just separates letters.
            if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] is 's' or 'S'
                && (i + 2 == text.Length || !Chars.IsLatinLetter(text[i + 2])))
            {
                i += 2;
            }

            if (word.Length < MinimumLength || word.Length > MaximumLength)
            {
                continue;
            }

            var buffer = words.Begin(word.Length);
            word.ToLowerInvariant(buffer);
            var lower = buffer[..word.Length];
            if (StopwordLookup.Contains(lower))
            {
                continue;
            }

            var length = StripPlural(buffer, word.Length);
            if (length >= MinimumLength && !StopwordLookup.Contains(buffer[..length]))
            {
                words.Commit(length);
            }
        }
    }

    // Crude plural stripping: policies → policy, classes → class, approaches → approach, armistices → armistice;
    // words in -ss, -us, -is keep their s (class, status, crisis).
    private static int StripPlural(Span<char> word, int length)
    {
        var w = word[..length];
        if (length > 4 && w.EndsWith("ies"))
        {
            w[length - 3] = 'y';
            return length - 2;
        }

        if (length > 4 && (w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes")))
        {
            return length - 2;
        }

        if (length > 3 && w[^1] == 's' && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is"))
        {
            return length - 1;
        }

        return length;
    }
}
