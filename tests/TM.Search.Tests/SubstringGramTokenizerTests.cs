using System.Text;
using TM.Search.Internal;

namespace TM.Search.Tests;

/// <summary>The Korean field's tokens: fixed expectations (term@position) and the invariants the exactness proof rests on.</summary>
public class SubstringGramTokenizerTests
{
    [Fact]
    public void Emits_the_grams_of_letters_and_digits_at_their_offsets_and_a_unigram_where_no_bigram_starts()
    {
        Assert.Equal(
            "19@0 195@0 95@1 951@1 51@2 51년@2 1년@3 년@4  @5 休戰@6 戰@7 .@8",
            Describe("1951년 休戰."));
    }

    [Fact]
    public void Lower_cases_latin_and_maps_every_whitespace_character_to_a_space()
    {
        Assert.Equal("un@0 un군@0 n군@1 군@2  @3  @4 a@5", Describe("UN군\t\u3000A"));
    }

    [Fact]
    public void Keeps_a_surrogate_pair_whole_and_two_positions_wide()
    {
        // U+20000 is a Han letter outside the BMP: one character, two UTF-16 units.
        Assert.Equal("가𠀀@0 가𠀀나@0 𠀀나@1 나@3", Describe("가𠀀나"));
    }

    [Fact]
    public void Grams_stop_at_punctuation_and_whitespace()
    {
        Assert.Equal("회담@0 담@1 .@2 a@3  @4 b@5", Describe("회담.a b"));
    }

    [Fact]
    public void Cover_uses_trigrams_and_one_ending_at_the_last_character()
    {
        Assert.Equal("휴전협@0 협정을@2", Cover("휴전협정을"));
        Assert.Equal("휴전@0  @2 회담@3", Cover("휴전 회담"));
        Assert.Equal("195@0 51년@2", Cover("1951년"));
        Assert.Equal("전@0", Cover("전"));
        Assert.Equal("전쟁@0", Cover("전쟁"));
        Assert.Equal("a@0 .@1 b@2", Cover("A.b"));
    }

    [Fact]
    public void Lower_casing_never_changes_whether_a_character_is_a_letter_or_digit()
    {
        // The exactness proof needs a text character and a term character that fold alike to be of one class.
        var chars = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c) && !char.IsWhiteSpace((char)c))
            {
                chars.Append((char)c).Append(' ');
            }
        }

        List<AnalyzedToken> unigrams = AnalyzedToken.Analyze(SearchFields.KoreanAnalyzer, SearchFields.Korean, chars.ToString())
            .Where(t => t.StartsPosition && t.Term != " ").ToList();
        Assert.Equal(chars.Length / 2, unigrams.Count);
        foreach (AnalyzedToken unigram in unigrams)
        {
            char original = chars[unigram.Start];
            Assert.Equal(1, unigram.Term.Length);
            Assert.True(char.IsLetterOrDigit(original) == char.IsLetterOrDigit(unigram.Term[0]), $"U+{(int)original:X4} folds to U+{(int)unigram.Term[0]:X4}");
            Assert.Equal(char.ToLowerInvariant(original), unigram.Term[0]);
        }
    }

    private static string Describe(string text) =>
        string.Join(" ", AnalyzedToken.Analyze(SearchFields.KoreanAnalyzer, SearchFields.Korean, text).Select(t => $"{t.Term}@{t.Position}"));

    private static string Cover(string term) =>
        string.Join(" ", KoreanTermQuery.Cover(term).Select(t => $"{t.Term}@{t.Start}"));
}
