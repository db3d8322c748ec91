using TM.Analysis;
using static TM.Analysis.Tests.TokenStreamAssert;

namespace TM.Analysis.Tests;

public class ScriptTokenizerTests
{
    [Fact]
    public void Korean_splits_into_hangul_runs_numbers_and_punctuation()
    {
        Assert.Equal(
            "1951/Number 년/Hangul 5/Number 월/Hangul 말/Hangul 제/Hangul 5/Number 차/Hangul 전역/Hangul ,/Punctuation 마오쩌둥은/Hangul ./Punctuation",
            Tokenize("1951년 5월 말 제5차 전역, 마오쩌둥은."));
    }

    [Fact]
    public void English_words_keep_inner_apostrophes_and_hyphens()
    {
        Assert.Equal(
            "The/Word People's/Word Volunteers/Word ,/Punctuation Kim/Word Il-sung/Word and/Word Kim’s/Word '/Punctuation troops/Word -/Punctuation -/Punctuation",
            Tokenize("The People's Volunteers, Kim Il-sung and Kim’s 'troops- -"));
    }

    [Fact]
    public void Digits_end_a_word()
    {
        Assert.Equal("38/Number th/Word parallel/Word B/Word -/Punctuation 29/Number", Tokenize("38th parallel B-29"));
    }

    [Theory]
    [InlineData("170,000", "170,000/Number")]
    [InlineData("1,234,567.89", "1,234,567.89/Number")]
    [InlineData("3.5", "3.5/Number")]
    [InlineData("1951.", "1951/Number ./Punctuation")]
    [InlineData("1,2", "1/Number ,/Punctuation 2/Number")]
    [InlineData("12,3456", "12/Number ,/Punctuation 3456/Number")]
    [InlineData("17만", "17/Number 만/Hangul")]
    [InlineData("１７０", "１７０/Number")]
    [InlineData("1.2.3", "1.2.3/Number")]
    public void Numbers_keep_decimal_points_and_thousands_groups(string text, string expected)
    {
        Assert.Equal(expected, Tokenize(text));
    }

    [Fact]
    public void Han_and_kana_are_one_character_per_token_including_surrogate_pairs()
    {
        Assert.Equal("韓/Han 國/Han 戰/Han 爭/Han 𠀀/Han か/Han な/Han", Tokenize("韓國戰爭 𠀀かな"));
        Assert.Equal("韓/Han 國/Han 전쟁/Hangul", Tokenize("韓國전쟁"));
    }

    [Fact]
    public void Symbols_are_single_tokens_and_percent_is_a_symbol()
    {
        Assert.Equal("50/Number %/Symbol ₩/Symbol 3/Number +/Symbol 4/Number", Tokenize("50% ₩3+4"));
    }

    [Fact]
    public void Combining_marks_stay_with_their_letter()
    {
        Assert.Equal("Cho\u0301son/Word", Tokenize("Cho\u0301son"));
        Assert.Equal("\u0301/Punctuation a/Word", Tokenize("\u0301 a"));
    }

    [Fact]
    public void Whitespace_control_and_format_characters_only_separate()
    {
        Assert.Equal("a/Word b/Word c/Word", Tokenize("\t a\u200Bb\u00A0\r\nc \u3000"));
        Assert.Equal(string.Empty, Tokenize(" \t\n"));
    }

    [Fact]
    public void Offsets_point_into_the_input()
    {
        using var tokenizer = new ScriptTokenizer();
        const string text = "  전쟁을 끝낼 it's";
        tokenizer.SetInput(text.AsMemory());
        var tokens = Consume(tokenizer, text.Length);
        Assert.Equal([(2, 5), (6, 8), (9, 13)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void IncrementToken_before_Reset_throws()
    {
        using var tokenizer = new ScriptTokenizer();
        tokenizer.SetInput("a".AsMemory());
        Assert.Throws<InvalidOperationException>(() => tokenizer.IncrementToken());
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        tokenizer.End();
        Assert.Throws<InvalidOperationException>(() => tokenizer.IncrementToken());
    }

    [Fact]
    public void Reset_without_input_throws()
    {
        using var tokenizer = new ScriptTokenizer();
        Assert.Throws<InvalidOperationException>(() => tokenizer.Reset());
    }

    [Fact]
    public void A_tokenizer_is_reusable_for_the_next_input()
    {
        using var tokenizer = new ScriptTokenizer();
        tokenizer.SetInput("one two".AsMemory());
        Assert.Equal(2, Consume(tokenizer, 7).Count);
        tokenizer.SetInput("셋".AsMemory());
        Assert.Equal("셋/Hangul", Describe(Consume(tokenizer, 1)));
    }
}
