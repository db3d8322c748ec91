namespace TM.Analysis.Tests;

/// <summary>The word-family normaliser behind the glossary's English side, as tables of families and false friends.</summary>
public sealed class EnglishWordFamilyTests
{
    // Each row is one family: every word must reduce to the same stem.
    [Theory]
    [InlineData("testify", "testified", "testifies", "testifying", "testimony", "testimonies")]
    [InlineData("negotiate", "negotiated", "negotiating", "negotiation", "negotiations", "negotiator", "negotiators")]
    [InlineData("occupy", "occupied", "occupies", "occupying", "occupation")]
    [InlineData("surrender", "surrenders", "surrendered", "surrendering")]
    [InlineData("repatriate", "repatriated", "repatriation", "repatriations")]
    [InlineData("ratify", "ratified", "ratification")]
    [InlineData("decide", "decided", "decision", "decisions")]
    [InlineData("invade", "invaded", "invasion")]
    [InlineData("persuade", "persuaded", "persuasion")]
    [InlineData("elect", "elected", "election", "elections")]
    [InlineData("agree", "agreed", "agreeing", "agreement")]
    [InlineData("state", "states", "stated", "statement")]
    [InlineData("plan", "plans", "planned", "planning")]
    [InlineData("hope", "hoped", "hoping")]
    [InlineData("force", "forces", "forced")]
    [InlineData("organize", "organise", "organised", "organization", "organisation")]
    [InlineData("control", "controlled", "controlling")]
    [InlineData("withdraw", "withdrew", "withdrawn", "withdrawal")]
    [InlineData("ally", "allied", "allies")]
    [InlineData("history", "histories")]
    [InlineData("policy", "policies")]
    [InlineData("crisis", "Crisis")]
    public void Words_of_one_family_share_a_stem(params string[] family)
    {
        var stems = family.Select(w => EnglishWordFamily.Stem(w, out _)).Distinct().ToList();

        Assert.True(stems.Count == 1, $"{string.Join(", ", family)} → {string.Join(", ", stems)}");
    }

    // Each row is two words that look related and are not: their stems must differ.
    [Theory]
    [InlineData("arm", "army")]
    [InlineData("plan", "plane")]
    [InlineData("rate", "rat")]
    [InlineData("hope", "hop")]
    [InlineData("state", "station")]
    [InlineData("rate", "ration")]
    [InlineData("fact", "faction")]
    [InlineData("sect", "section")]
    [InlineData("moment", "mom")]
    [InlineData("general", "generally")]
    [InlineData("general", "generate")]
    [InlineData("communism", "communist")]
    [InlineData("power", "pow")]
    [InlineData("unit", "united")]
    [InlineData("new", "news")]
    [InlineData("depart", "department")]
    [InlineData("policy", "police")]
    [InlineData("organ", "organization")]
    [InlineData("all", "allies")]
    [InlineData("war", "ware")]
    public void Look_alikes_keep_apart(string word, string other)
    {
        Assert.NotEqual(EnglishWordFamily.Stem(word, out _), EnglishWordFamily.Stem(other, out _));
    }

    [Theory]
    [InlineData("states", "Plain")]
    [InlineData("back", "Plain")]
    [InlineData("stated", "Verbal")]
    [InlineData("backing", "Verbal")]
    [InlineData("testified", "Verbal")]
    [InlineData("testifies", "Verbal")]
    [InlineData("negotiate", "Verbal")]
    [InlineData("withdrew", "Verbal")]
    [InlineData("testimony", "Derived")]
    [InlineData("statement", "Derived")]
    [InlineData("negotiators", "Derived")]
    public void Each_word_says_whether_it_is_plain_a_verb_or_a_derived_noun(string word, string expected)
    {
        EnglishWordFamily.Stem(word, out var form);

        Assert.Equal(expected, form.ToString());
    }

    [Fact]
    public void Any_letters_give_a_non_empty_stem_within_the_buffer()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var word = new string(Enumerable.Range(0, random.Next(1, 20)).Select(_ => "aeiouybdlmnrstwxz"[random.Next(17)]).ToArray());
            var buffer = new char[word.Length + EnglishWordFamily.Slack];

            var length = EnglishWordFamily.Stem(word, buffer, out _);

            Assert.InRange(length, 1, word.Length + EnglishWordFamily.Slack);
        }
    }
}
