using TM.Text.Terminology;
using TM.Text.Terminology.Extraction;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class CompetitiveLinkerTests
{
    [Fact]
    public void Links_are_made_best_first_and_each_word_is_linked_once()
    {
        var linker = new CompetitiveLinker();
        linker.Offer(0, 0, Words(0, 0), Words(0, 0), 10);   // 스탈린 ↔ Stalin
        linker.Offer(1, 0, Words(1, 1), Words(0, 0), 8);    // 소련 ↔ Stalin: indirect, loses the word
        linker.Offer(1, 1, Words(1, 1), Words(2, 2), 5);    // 소련 ↔ Soviet Union

        var links = linker.Resolve();

        Assert.Equal([(0, 0), (1, 1)], links.Select(l => (l.Korean, l.English)));
    }

    [Fact]
    public void A_phrase_overlapping_a_linked_phrase_is_not_linked()
    {
        var linker = new CompetitiveLinker();
        linker.Offer(2, 3, Words(0, 1), Words(0, 3), 12);   // 포로 송환 ↔ repatriation of prisoners
        linker.Offer(0, 1, Words(0, 0), Words(2, 2), 11);   // 포로 ↔ prisoners: inside both
        linker.Offer(1, 0, Words(1, 1), Words(5, 5), 3);    // 송환 ↔ another word: its Korean is taken

        var links = linker.Resolve();

        Assert.Single(links);
        Assert.Equal((2, 3), (links[0].Korean, links[0].English));
    }

    [Fact]
    public void Of_equal_scores_the_longer_English_phrase_is_linked()
    {
        var linker = new CompetitiveLinker();
        linker.Offer(0, 0, Words(0, 0), Words(0, 0), 7);    // 이승만 ↔ Syngman
        linker.Offer(0, 1, Words(0, 0), Words(0, 1), 7);    // 이승만 ↔ Syngman Rhee

        var links = linker.Resolve();

        Assert.Equal(1, Assert.Single(links).English);
    }

    [Fact]
    public void Links_scoring_zero_are_never_made_and_a_cleared_linker_starts_afresh()
    {
        var linker = new CompetitiveLinker();
        linker.Offer(0, 0, Words(0, 0), Words(0, 0), 0);
        Assert.Empty(linker.Resolve());

        linker.Clear();
        linker.Offer(0, 0, Words(40, 40), Words(90, 90), 1);
        Assert.Single(linker.Resolve());
    }

    private static PhraseSpan Words(int first, int last) => new(first, last, 0, 0, false);
}
