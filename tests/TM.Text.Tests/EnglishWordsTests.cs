using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class EnglishWordsTests
{
    [Fact]
    public void Words_are_lowercased_and_lose_plural_and_possessive_endings()
    {
        Assert.Equal(
            ["stalin", "armistice", "policy", "class", "crisis", "approach", "moscow", "talk"],
            Words("Stalin's armistices, policies, classes, crisis, approaches; Moscow’s talks"));
    }

    [Fact]
    public void Stopwords_short_words_and_numbers_are_left_out()
    {
        Assert.Equal(["soviet", "leadership", "war"], Words("In May 1953 the UN and the Soviet leadership of the war were 3 of 12"));
    }

    [Fact]
    public void Hyphens_and_apostrophes_separate_words()
    {
        Assert.Equal(["cease", "fire", "sung"], Words("cease-fire Il-sung"));
    }

    private static List<string> Words(string text)
    {
        var tokens = new LexicalTokens();
        EnglishWords.Words(text, tokens);
        return Enumerable.Range(0, tokens.Count).Select(i => tokens[i].ToString()).ToList();
    }
}
