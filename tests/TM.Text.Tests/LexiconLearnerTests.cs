using TM.Text;
using Xunit.Abstractions;

namespace TM.Text.Tests;

public sealed class LexiconLearnerTests(ITestOutputHelper output)
{
    [Fact]
    public void A_word_pair_seen_together_in_two_pairs_is_learned()
    {
        var learner = new LexiconLearner();
        learner.Add("포로 송환 문제가 쟁점이 되었다.", "The repatriation of prisoners became the issue.");
        learner.Add("자원 송환 원칙은 유엔군의 방침이었다.", "Voluntary repatriation was the policy of the U.N. Command.");

        var lexicon = learner.Build();

        Assert.Equal("repatriation", lexicon.Translations["송환"]);
        Assert.False(lexicon.Translations.ContainsKey("포로"));
        Assert.Equal(1, lexicon.Count);
    }

    [Fact]
    public void A_pair_seen_once_is_not_learned()
    {
        var learner = new LexiconLearner();
        learner.Add("공산측은 포로의 전원 송환을 요구하였다.", "The communists demanded the return of all prisoners.");
        learner.Add("유엔군은 인천에 상륙하였다.", "The U.N. forces landed at Incheon.");

        Assert.Equal(0, learner.Build().Count);
    }

    [Fact]
    public void Particles_do_not_split_the_evidence_for_a_stem()
    {
        var learner = new LexiconLearner();
        learner.Add("전쟁을 끝내야 한다.", "The war must end.");
        learner.Add("전쟁은 3년 동안 계속되었다.", "The war lasted three years.");
        learner.Add("전쟁의 비용은 컸다.", "The cost of the war was high.");

        Assert.Equal("war", learner.Build().Translations["전쟁"]);
    }

    [Fact]
    public void Stopwords_are_never_learned()
    {
        var learner = new LexiconLearner();
        for (var i = 0; i < 5; i++)
        {
            learner.Add("그 조약은 그 해에 서명되었다.", "The treaty was signed in the year of the armistice.");
        }

        var lexicon = learner.Build();

        Assert.NotEmpty(lexicon.Translations);
        Assert.DoesNotContain(lexicon.Translations.Values, w => w is "the" or "was" or "in" or "of");
        Assert.Empty(lexicon.FindTerms("The of was in the", Language.English));
    }

    [Fact]
    public void A_name_that_keeps_company_with_another_does_not_take_its_translation()
    {
        // 소련 co-occurs with "Stalin" in every pair where 스탈린 does; competitive linking gives "Stalin" to
        // 스탈린 and leaves 소련 the word it translates.
        var learner = new LexiconLearner();
        learner.Add("스탈린은 소련을 통치하였다.", "Stalin ruled the Soviet Union.");
        learner.Add("스탈린의 사망 후 소련은 변하였다.", "After Stalin died the Soviet Union changed.");
        learner.Add("스탈린은 소련 외교를 지휘하였다.", "Stalin directed Soviet diplomacy.");
        learner.Add("소련의 경제는 성장하였다.", "The Soviet economy grew.");

        var lexicon = learner.Build();

        Assert.Equal("stalin", lexicon.Translations["스탈린"]);
        Assert.Equal("soviet", lexicon.Translations["소련"]);
    }

    [Fact]
    public void A_word_that_is_the_translation_of_too_many_stems_is_dropped()
    {
        var options = new LexiconLearnerOptions { MaxStemsPerWord = 1 };
        var learner = new LexiconLearner(options);
        var unlimited = new LexiconLearner();
        foreach (var korean in new[] { "회담", "회담", "협상", "협상" })
        {
            learner.Add(korean, "negotiations");
            unlimited.Add(korean, "negotiations");
        }

        Assert.Equal(0, learner.Build().Count);
        Assert.Equal(2, unlimited.Build().Count);
    }

    [Fact]
    public void A_built_lexicon_does_not_change_when_pairs_are_added_later()
    {
        var learner = new LexiconLearner();
        learner.Add("포로 송환", "repatriation of prisoners");
        learner.Add("포로 교환", "exchange of prisoners");
        var before = learner.Build();

        learner.Add("송환 협정", "repatriation agreement");
        learner.Add("자원 송환", "voluntary repatriation");
        var after = learner.Build();

        Assert.Equal(1, before.Count);
        Assert.False(before.Translations.ContainsKey("송환"));
        Assert.Equal("repatriation", after.Translations["송환"]);
        Assert.Equal(4, learner.PairCount);
    }

    [Fact]
    public void Pairs_added_from_many_threads_give_the_same_lexicon_as_one_thread()
    {
        var pairs = SyntheticPairs(new Random(5), 2_000);
        var sequential = new LexiconLearner();
        foreach (var (korean, english) in pairs)
        {
            sequential.Add(korean, english);
        }

        var concurrent = new LexiconLearner();
        Parallel.ForEach(pairs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, p => concurrent.Add(p.Korean, p.English));

        Assert.Equal(pairs.Count, concurrent.PairCount);
        Assert.Equal(
            sequential.Build().Translations.OrderBy(t => t.Key, StringComparer.Ordinal),
            concurrent.Build().Translations.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Pruning_a_small_table_keeps_consistent_translations()
    {
        var pairs = SyntheticPairs(new Random(9), 3_000);
        var roomy = new LexiconLearner();
        var cramped = new LexiconLearner(new LexiconLearnerOptions { MaxPairEntries = 5_000 });
        foreach (var (korean, english) in pairs)
        {
            roomy.Add(korean, english);
            cramped.Add(korean, english);
        }

        var expected = roomy.Build();
        var pruned = cramped.Build();

        Assert.Equal(0, roomy.Prunings);
        Assert.True(cramped.Prunings > 0);
        Assert.True(expected.Count >= 100, $"{expected.Count} entries");

        // Most of what the roomy learner knows survives the pruning unchanged.
        var kept = expected.Translations.Count(t => pruned.Translations.GetValueOrDefault(t.Key) == t.Value);
        output.WriteLine($"{cramped.Prunings} prunings; {kept} of {expected.Count} entries kept, {pruned.Count} learned");
        Assert.True(kept >= expected.Count * 9 / 10, $"{kept} of {expected.Count}");
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LexiconLearner(new LexiconLearnerOptions { MinimumDice = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LexiconLearner(new LexiconLearnerOptions { MinimumSupport = 0 }));
        Assert.Throws<ArgumentNullException>(() => new LexiconLearner().Add(null!, "war"));
    }

    /// <summary>
    /// Pairs over a vocabulary of 300 invented words per language, word i translating word i; one English word in
    /// five is replaced by a random one so that the statistics have noise to see through.
    /// </summary>
    private static List<(string Korean, string English)> SyntheticPairs(Random random, int count)
    {
        const int vocabulary = 300;
        var korean = Enumerable.Range(0, vocabulary).Select(i => $"{(char)('가' + (i * 37))}{(char)('나' + i)}").ToArray();
        var english = Enumerable.Range(0, vocabulary).Select(i => $"w{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}x").ToArray();
        var pairs = new List<(string, string)>();
        for (var p = 0; p < count; p++)
        {
            var words = Enumerable.Range(0, 6 + random.Next(8)).Select(_ => random.Next(vocabulary)).ToList();
            pairs.Add((
                string.Join(' ', words.Select(w => korean[w] + "을")),
                string.Join(' ', words.Select(w => random.Next(5) == 0 ? english[random.Next(vocabulary)] : english[w]))));
        }

        return pairs;
    }
}
