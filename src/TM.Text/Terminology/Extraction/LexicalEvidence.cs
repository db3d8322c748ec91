using TM.Text.Internal;

namespace TM.Text.Terminology;

/// <summary>
/// What a bilingual lexicon and romanisation say about a Korean and an English phrase being translations, as a weight on
/// their association score: from 0.5 (the lexicon translates both, into different things) through 1 (it knows neither)
/// to 1.5 (everything it finds on one side it finds on the other, or the English spells the Korean name in Latin
/// letters: 흥남 ↔ Heungnam). Co-occurrence alone cannot tell 제네바 회담 ↔ "Geneva Conference" from 제네바 회담 ↔ "Geneva"
/// when the two always travel together; the lexicon's words can.
/// </summary>
/// <remarks>Lexicon look-ups are made once per phrase and cached, on the first text seen for it.</remarks>
internal sealed class LexicalEvidence
{
    private const double Mismatch = 0.5;
    private const double Agreement = 1.5;
    private const int MinimumSkeleton = 3;

    private readonly ITranslationLexicon? lexicon;
    private readonly string[]?[] koreanKeys;
    private readonly string[]?[] englishKeys;
    private readonly string?[] koreanSkeletons;
    private readonly string?[] englishSkeletons;

    public LexicalEvidence(ITranslationLexicon? lexicon, int koreanPhrases, int englishPhrases)
    {
        this.lexicon = lexicon;
        koreanKeys = new string[koreanPhrases][];
        englishKeys = new string[englishPhrases][];
        koreanSkeletons = new string[koreanPhrases];
        englishSkeletons = new string[englishPhrases];
    }

    /// <summary>The weight for linking Korean phrase <paramref name="korean"/> (text <paramref name="koreanText"/>) with English
    /// phrase <paramref name="english"/> (as written: <paramref name="englishText"/>).</summary>
    public double Weight(int korean, string koreanText, int english, ReadOnlySpan<char> englishText)
    {
        var koreanSkeleton = koreanSkeletons[korean] ??= KoreanSkeleton(koreanText);
        if (koreanSkeleton.Length >= MinimumSkeleton && koreanSkeleton == (englishSkeletons[english] ??= EnglishSkeleton(englishText)))
        {
            return Agreement;
        }

        if (lexicon is null)
        {
            return 1;
        }

        var k = koreanKeys[korean] ??= [.. lexicon.FindTerms(koreanText, Language.Korean)];
        var e = englishKeys[english] ??= [.. lexicon.FindTerms(englishText.ToString(), Language.English)];
        if (k.Length == 0 || e.Length == 0)
        {
            return 1;
        }

        return Mismatch + (2.0 * SharedCount(k, e) / (k.Length + e.Length));
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
