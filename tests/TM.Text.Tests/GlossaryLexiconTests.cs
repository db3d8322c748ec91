using TM.Text;

namespace TM.Text.Tests;

/// <summary>The shipped glossary's English side: listed words find their families, and only where the sense holds.</summary>
public sealed class GlossaryLexiconTests
{
    private static readonly GlossaryLexicon Glossary = GlossaryLexicon.Instance;

    [Theory]
    [InlineData("Bradley testified that it would be the wrong war.", "testimony")]
    [InlineData("The negotiators met again at Panmunjom.", "negotiation")]
    [InlineData("Troops occupying the ridge held out.", "occupation")]
    [InlineData("The prisoners were repatriated in August.", "repatriation")]
    [InlineData("Official histories disagree.", "history")]
    [InlineData("Both sides threatening escalation.", "threat")]
    [InlineData("The armistice talks resumed.", "armistice-talks")]
    [InlineData("Some 5,000 POWs refused.", "prisoner")]
    public void English_words_find_the_entry_of_their_family(string sentence, string key)
    {
        Assert.Contains(key, Glossary.FindTerms(sentence, Language.English));
    }

    // A plain noun's -ed or -ing form is often another word: said, not a country; compelled, not troops; a sign, not a signing.
    [Theory]
    [InlineData("The minister stated that talks were possible.", "country")]
    [InlineData("The offensive forced a retreat.", "troops")]
    [InlineData("The offensive forced a retreat.", "soldier")]
    [InlineData("They fell back to the river.", "support")]
    [InlineData("There were warning signs.", "signing")]
    [InlineData("The landing at Incheon succeeded.", "land")]
    [InlineData("The United Nations voted.", "troops")]
    [InlineData("The generally accepted view.", "general")]
    [InlineData("MacArthur issued an ultimatum.", "agenda")]
    public void Look_alike_words_do_not_find_an_entry_of_another_sense(string sentence, string key)
    {
        Assert.DoesNotContain(key, Glossary.FindTerms(sentence, Language.English));
    }

    [Fact]
    public void A_phrase_wins_over_its_words_and_no_word_counts_twice()
    {
        Assert.Equal(["armistice-talks"], Glossary.FindTerms("armistice talks", Language.English));
    }

    [Fact]
    public void Terms_come_in_sentence_order()
    {
        Assert.Equal(["testimony", "president"], Glossary.FindTerms("Testimonies reached the president.", Language.English));
    }
}
