using TM.Text.Internal;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// What a bilingual lexicon and romanisation say about a Korean and an English phrase being translations, as a weight on
/// their association score: 1.5 when the English spells the Korean name in Latin letters (흥남 ↔ Heungnam); 0, so no link,
/// when the English is only a name inside the Korean (중국군 ↔ "Chinese", see <see cref="NamesOnlyPart"/>); from 0.5 to
/// 1.5 as <see cref="KnownTermsLexicon"/>, the built-in names table, finds different or the same names on both sides
/// (중국 ↔ "Moscow", 스탈린 ↔ "Stalin"); else from 0.9
/// (the lexicon translates both sides, into different things) through 1 (it knows neither side) to 1.1 (everything it
/// finds on one side it finds on the other). Co-occurrence alone cannot tell 제네바 회담 ↔ "Geneva Conference" from 제네바 회담 ↔ "Geneva"
/// when the two always travel together; the lexicon's words can.
/// </summary>
/// <remarks>Lexicon look-ups are made once per phrase and cached, on the first text seen for it.</remarks>
internal sealed class LexicalEvidence
{
    // Romanisation is near proof (a Korean name and its Latin spelling); a lexicon's word translations are a hint, and a
    // lexicon learned from the same pairs mostly repeats their co-occurrence: on the gold documents, weights of 0.5 to
    // 1.5 for a learned lexicon cost 0.22 of precision@50 (0.76 → 0.54) by doubling noisy counts, so they only tip the
    // balance between phrases the counts cannot tell apart.
    private const double Romanized = 1.5;
    private const double PartialName = 0;
    private const double KnownMismatch = 0.5;
    private const double LexiconMismatch = 0.9;
    private const double LexiconAgreement = 1.1;
    private const int MinimumSkeleton = 3;

    private readonly ITranslationLexicon? lexicon;
    private readonly string[]?[] koreanKeys;
    private readonly string[]?[] englishKeys;
    private readonly string?[] koreanSkeletons;
    private readonly string?[] englishSkeletons;
    private readonly string?[] koreanNames;
    private readonly string[]?[] koreanKnownKeys;
    private readonly string[]?[] englishKnownKeys;
    private readonly string?[] englishNames;

    public LexicalEvidence(ITranslationLexicon? lexicon, int koreanPhrases, int englishPhrases)
    {
        this.lexicon = lexicon;
        koreanKeys = new string[koreanPhrases][];
        englishKeys = new string[englishPhrases][];
        koreanSkeletons = new string[koreanPhrases];
        englishSkeletons = new string[englishPhrases];
        koreanNames = new string[koreanPhrases];
        koreanKnownKeys = new string[koreanPhrases][];
        englishKnownKeys = new string[englishPhrases][];
        englishNames = new string[englishPhrases];
    }

    /// <summary>The weight for linking Korean phrase <paramref name="korean"/> (text <paramref name="koreanText"/>) with English
    /// phrase <paramref name="english"/> (as written: <paramref name="englishText"/>).</summary>
    public double Weight(int korean, string koreanText, int english, ReadOnlySpan<char> englishText)
    {
        if (NamesOnlyPart(korean, koreanText, english, englishText))
        {
            return PartialName;
        }

        var koreanSkeleton = koreanSkeletons[korean] ??= KoreanSkeleton(koreanText);
        if (koreanSkeleton.Length >= MinimumSkeleton && koreanSkeleton == (englishSkeletons[english] ??= EnglishSkeleton(englishText)))
        {
            return Romanized;
        }

        // The built-in names table (스탈린 ↔ Stalin, 중국 ↔ China): agreement as strong as romanisation, and a name
        // that meets another name (중국 ↔ "Moscow") as strong against.
        var koreanKnown = koreanKnownKeys[korean] ??= [.. KnownTermsLexicon.Instance.FindTerms(koreanText, Language.Korean)];
        var englishKnown = englishKnownKeys[english] ??= [.. KnownTermsLexicon.Instance.FindTerms(englishText.ToString(), Language.English)];
        if (koreanKnown.Length > 0 && englishKnown.Length > 0)
        {
            return KnownMismatch + ((Romanized - KnownMismatch) * 2.0 * SharedCount(koreanKnown, englishKnown) / (koreanKnown.Length + englishKnown.Length));
        }

        // Between two single words the lexicon knows nothing the counts do not (a learned lexicon is those counts), and
        // it says "translation", not "term": on the gold documents it lifted 식량 ↔ "food" and 원칙 ↔ "principle" into the
        // top 50. It is asked where the counts are blind: how far a phrase extends (제네바 회담 ↔ "Geneva Conference", not "Geneva").
        if (lexicon is null || (!koreanText.Contains(' ') && !englishText.Contains(' ')))
        {
            return 1;
        }

        var k = koreanKeys[korean] ??= [.. lexicon.FindTerms(koreanText, Language.Korean)];
        var e = englishKeys[english] ??= [.. lexicon.FindTerms(englishText.ToString(), Language.English)];
        if (k.Length == 0 || e.Length == 0)
        {
            return 1;
        }

        return LexiconMismatch + ((LexiconAgreement - LexiconMismatch) * 2.0 * SharedCount(k, e) / (k.Length + e.Length));
    }

    /// <summary>
    /// Whether the English is exactly one name of <see cref="KnownTermsLexicon"/> that the Korean holds with more besides:
    /// 중국군 (Chinese forces) ↔ "Chinese", 유엔군 ↔ "U.N.". The English word then modifies different nouns in different
    /// pairs ("Chinese troops", "Chinese intervention") and translates only the name inside the Korean compound.
    /// </summary>
    private bool NamesOnlyPart(int korean, string koreanText, int english, ReadOnlySpan<char> englishText)
    {
        var inKorean = koreanNames[korean] ??= NameWithMore(koreanText);
        return inKorean.Length > 0 && inKorean == (englishNames[english] ??= ExactName(englishText.ToString()));
    }

    // The one known name a Korean phrase holds with more besides: it stays when the last syllable goes (중국군 → 중국).
    private static string NameWithMore(string korean) =>
        KnownTermsLexicon.Instance.FindTerms(korean, Language.Korean) is [var name]
        && KnownTermsLexicon.Instance.FindTerms(korean[..^1], Language.Korean) is [var shorter] && shorter == name ? name : "";

    // The one known name an English phrase is: it vanishes when the last word goes ("North Korean" → "North").
    private static string ExactName(string english)
    {
        if (KnownTermsLexicon.Instance.FindTerms(english, Language.English) is not [var name])
        {
            return "";
        }

        var lastSpace = english.LastIndexOf(' ');
        return lastSpace < 0 || KnownTermsLexicon.Instance.FindTerms(english[..lastSpace], Language.English).Count == 0 ? name : "";
    }

    // Multiset intersection of two short key lists.
    private static int SharedCount(string[] korean, string[] english)
    {
        Span<bool> used = english.Length <= 64 ? stackalloc bool[english.Length] : new bool[english.Length];
        var shared = 0;
        foreach (var key in korean)
        {
            for (var j = 0; j < english.Length; j++)
            {
                if (!used[j] && english[j] == key)
                {
                    used[j] = true;
                    shared++;
                    break;
                }
            }
        }

        return shared;
    }

    // A Korean name of one word (two to four syllables) read in the spelling systems' common skeleton; "" otherwise.
    private static string KoreanSkeleton(string text)
    {
        if (text.Length is < 2 or > 4 || text.Contains(' '))
        {
            return "";
        }

        Span<char> roman = stackalloc char[Romanization.MaxLetters * 2];
        Span<char> skeleton = stackalloc char[Romanization.MaxLetters * 2];
        var romanLength = Romanization.RomanizeHangul(text, roman);
        var length = romanLength < 0 ? -1 : Romanization.Skeleton(roman[..romanLength], skeleton);
        return length < 0 ? "" : skeleton[..length].ToString();
    }

    // A capitalised English name (Heungnam, Kim Yun-geun) joined without spaces and reduced to its skeleton; "" otherwise.
    private static string EnglishSkeleton(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsUpper(text[0]) || text.Length > Romanization.MaxLetters)
        {
            return "";
        }

        Span<char> joined = stackalloc char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c != ' ')
            {
                joined[length++] = c;
            }
        }

        Span<char> skeleton = stackalloc char[Romanization.MaxLetters * 2];
        var skeletonLength = Romanization.Skeleton(joined[..length], skeleton);
        return skeletonLength < 0 ? "" : skeleton[..skeletonLength].ToString();
    }
}
