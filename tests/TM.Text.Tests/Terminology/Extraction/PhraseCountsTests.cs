using TM.Text.Terminology;
using TM.Text.Terminology.Extraction;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class PhraseCountsTests
{
    [Fact]
    public void A_phrase_is_counted_once_per_pair()
    {
        var vocabulary = Count(["Geneva and Geneva again", "Geneva"], minimum: 1);

        Assert.True(vocabulary.TryGetId("geneva", out var id));
        Assert.Equal(2, vocabulary.Pairs(id));
    }

    [Fact]
    public void A_part_found_only_inside_one_longer_phrase_is_left_out()
    {
        var vocabulary = Count(["President Syngman Rhee spoke", "the Syngman Rhee government", "Rhee alone"], minimum: 2);

        Assert.True(vocabulary.TryGetId("syngman rhee", out _));
        Assert.False(vocabulary.TryGetId("syngman", out _));
        Assert.True(vocabulary.TryGetId("rhee", out _), "Rhee also stands alone, so it is kept");
    }

    [Fact]
    public void Phrases_below_the_minimum_are_left_out()
    {
        var vocabulary = Count(["Seoul", "Seoul", "Pyongyang"], minimum: 2);

        Assert.True(vocabulary.TryGetId("seoul", out _));
        Assert.False(vocabulary.TryGetId("pyongyang", out _));
    }

    [Fact]
    public void A_full_table_forgets_its_rarest_entries_and_stays_bounded()
    {
        var counts = new PhraseCounts(maxEntries: 1_000);
        var phrases = new PhraseList();
        for (var pair = 0; pair < 5_000; pair++)
        {
            phrases.Clear();
            EnglishNounPhrases.Find($"Frequent term and rare{Letters(pair)}", 6, 100, phrases);
            counts.Add(phrases, pair);
        }

        var vocabulary = counts.Vocabulary(2);
        Assert.True(vocabulary.TryGetId("frequent term", out var id));
        Assert.Equal(5_000, vocabulary.Pairs(id));
        Assert.True(vocabulary.Count < 1_000);
    }

    private static PhraseVocabulary Count(string[] sentences, int minimum)
    {
        var counts = new PhraseCounts(maxEntries: 1_000);
        var phrases = new PhraseList();
        for (var pair = 0; pair < sentences.Length; pair++)
        {
            phrases.Clear();
            EnglishNounPhrases.Find(sentences[pair], 6, 100, phrases);
            counts.Add(phrases, pair);
        }

        return counts.Vocabulary(minimum);
    }

    // A letters-only name for a number, so that the tokenizer reads it as a word: 0 → a, 27 → bb.
    private static string Letters(int n)
    {
        var letters = new System.Text.StringBuilder();
        do
        {
            letters.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);

        return letters.ToString();
    }
}
