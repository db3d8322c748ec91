using TM.Text.Terminology;
using TM.Text.Terminology.Extraction;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class EnglishNounPhrasesTests
{
    [Fact]
    public void English_candidates_may_hold_of_inside_but_not_begin_or_end_with_a_function_word()
    {
        var phrases = Surfaces("The repatriation of prisoners of war was the central issue.");

        Assert.Contains("repatriation of prisoners of war", phrases);
        Assert.Contains("prisoners of war", phrases);
        Assert.Contains("central issue", phrases);
        Assert.DoesNotContain("The repatriation", phrases);
        Assert.DoesNotContain("repatriation of", phrases);
        Assert.DoesNotContain("war was", phrases);
    }

    [Fact]
    public void Of_the_and_and_are_kept_inside_names()
    {
        var phrases = Surfaces("They issued the Declaration of the Sixteen; the Ministry of Health and Social Affairs agreed.");

        Assert.Contains("Declaration of the Sixteen", phrases);
        Assert.Contains("Ministry of Health and Social Affairs", phrases);
        Assert.DoesNotContain("the Sixteen", phrases);
    }

    [Fact]
    public void A_possessive_ends_a_candidate_and_titles_are_none()
    {
        var phrases = Surfaces("Lt. Gen. Walton H. Walker's Eighth Army advanced.");

        Assert.Contains("Walton H. Walker", phrases);
        Assert.Contains("Eighth Army", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("Walker Eighth", StringComparison.Ordinal) || p.Contains("Walker's", StringComparison.Ordinal));
        Assert.DoesNotContain("Lt", phrases);
        Assert.DoesNotContain("Gen", phrases);
    }

    [Fact]
    public void Numbers_and_punctuation_break_candidates()
    {
        var phrases = Surfaces("The ROK 3rd Division crossed the 38th parallel near Britain, France and Kaesong.");

        Assert.Contains("parallel", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("3rd", StringComparison.Ordinal) || p.Contains("38th", StringComparison.Ordinal));
        Assert.DoesNotContain("Britain France", phrases);
        Assert.DoesNotContain("Division", phrases.Where(p => p.StartsWith("ROK", StringComparison.Ordinal)));
    }

    [Fact]
    public void Initials_keep_their_periods_and_joined_words_stay_one()
    {
        var phrases = Surfaces("The U.N. Command signed the ROK–U.S. alliance after a court-martial at Chipyong-ni.");

        Assert.Contains("U.N. Command", phrases);
        Assert.Contains("ROK–U.S. alliance", phrases);
        Assert.Contains("court-martial", phrases);
        Assert.Contains("Chipyong-ni", phrases);
    }

    [Fact]
    public void A_candidate_does_not_end_with_a_past_participle()
    {
        var phrases = Surfaces("The screening conducted by the command after the Incheon landing found prisoners wounded.");

        Assert.Contains("screening", phrases);
        Assert.Contains("Incheon landing", phrases);
        Assert.DoesNotContain("screening conducted", phrases);
        Assert.DoesNotContain("prisoners wounded", phrases);
    }

    [Fact]
    public void A_capitalised_ordinal_inside_a_sentence_belongs_to_the_name()
    {
        var phrases = Surfaces("The Eighth Army fought its first offensive. First came the winter.");

        Assert.Contains("Eighth Army", phrases);
        Assert.DoesNotContain("first offensive", phrases);
        Assert.DoesNotContain(phrases, p => p.StartsWith("First", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_capitalised_parts_of_names_are_content_words_but_a_sentence_initial_In_is_not()
    {
        var phrases = Surfaces("In 1954 the foreign minister, Nam Il, met Yi Si-yeong.");

        Assert.Contains("Nam Il", phrases);
        Assert.Contains("Yi Si-yeong", phrases);
        Assert.DoesNotContain(phrases, p => p.StartsWith("In", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_fold_inflections_and_case()
    {
        var singular = Keys("a prisoner of war");
        var plural = Keys("Prisoners of War");

        Assert.Contains("prisoner of war", singular);
        Assert.Equal(singular, plural);
    }

    [Fact]
    public void A_sentence_initial_capital_is_marked()
    {
        var phrases = new PhraseList();
        EnglishNounPhrases.Find("Porters climbed. Then porters rested.", 6, 100, phrases);

        Assert.True(phrases.Span(0).SentenceInitial);
        Assert.Contains(Enumerable.Range(0, phrases.Count), i => phrases.Key(i).SequenceEqual("porter") && !phrases.Span(i).SentenceInitial);
    }

    internal static List<string> Surfaces(string sentence)
    {
        var phrases = new PhraseList();
        EnglishNounPhrases.Find(sentence, 6, 1000, phrases);
        return Enumerable.Range(0, phrases.Count).Select(i => sentence.Substring(phrases.Span(i).SurfaceStart, phrases.Span(i).SurfaceLength)).ToList();
    }

    private static List<string> Keys(string sentence)
    {
        var phrases = new PhraseList();
        EnglishNounPhrases.Find(sentence, 6, 1000, phrases);
        return Enumerable.Range(0, phrases.Count).Select(i => phrases.Key(i).ToString()).ToList();
    }
}
