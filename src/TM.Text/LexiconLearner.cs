using System.Runtime.InteropServices;
using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Learns Korean–English word translations from aligned segment pairs, so that the dictionary the aligner uses
/// grows with the translation memory: feed it the stored pairs with <see cref="Add"/>, take an immutable
/// <see cref="LearnedLexicon"/> with <see cref="Build"/> and pass it as <see cref="AlignmentOptions.Learned"/>.
/// </summary>
/// <remarks>
/// <para>Korean is cut into stems by stripping particles and endings from each word (전쟁을 → 전쟁), English into
/// lowercase content words with plurals and possessives stripped (armistices → armistice); numbers, Hanja and
/// stopwords are left out. <see cref="Add"/> counts, per pair, every stem and word once and every (stem, word)
/// combination once. <see cref="Build"/> then links, in each pair, stems to words by competitive linking on the
/// Dice coefficient 2·c(k,e) / (c(k) + c(e)), and gives each stem the word it was linked to with the highest Dice
/// of link counts, provided they were linked in at least <see cref="LexiconLearnerOptions.MinimumSupport"/> pairs
/// and the coefficient reaches <see cref="LexiconLearnerOptions.MinimumDice"/>. Dice was chosen over the
/// log-likelihood ratio because it ignores how many pairs the memory holds: the log-likelihood ratio grows with
/// the corpus, so its threshold would have to grow too, while Dice asks the same question of 30 pairs and of
/// 300,000 (how often do the two travel together).</para>
/// <para>Memory: counts are plain dictionaries keyed by int ids, one entry per distinct stem, word and
/// (stem, word) combination, plus each pair's distinct token ids for the linking (about 30 ints a sentence pair,
/// 12 MB per 100,000 pairs, not bounded). The combinations dominate: a 15-word sentence pair adds up to 225.
/// When they exceed <see cref="LexiconLearnerOptions.MaxPairEntries"/>, combinations whose Dice is below half the
/// threshold are forgotten (a frequent stem that met a word once will not make it its translation), then, if
/// that was not enough, combinations seen once. A forgotten combination that recurs starts counting from one
/// again, so a rare pair whose occurrences straddle a pruning may be missed; a frequent, consistent translation is
/// never forgotten, because its Dice stays above the threshold.</para>
/// <para>Thread safety: <see cref="Add"/> and <see cref="Build"/> may be called from any thread; they are
/// serialised by a lock, so feeding one learner from many threads is safe but not faster. A built
/// <see cref="LearnedLexicon"/> is immutable: pairs added afterwards do not change it.</para>
/// </remarks>
public sealed class LexiconLearner
{
    private readonly LexiconLearnerOptions options;
    private readonly Lock gate = new();
    private readonly LearnerVocabulary korean = new();
    private readonly LearnerVocabulary english = new();
    private readonly Dictionary<long, int> pairs = new(PairKeyComparer.Instance);
    private readonly LexicalTokens tokens = new();
    private readonly List<int> koreanIds = [];
    private readonly List<int> englishIds = [];

    // Every pair's distinct token ids, flat: Korean count, English count, Korean ids, English ids, for the
    // competitive linking in Build.
    private readonly List<int> history = [];
    private int pruneAt;
    private int prunings;
    private int pairCount;

    /// <summary>Creates an empty learner.</summary>
    /// <param name="options">Thresholds and bounds; null means <see cref="LexiconLearnerOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range: support or a limit below 1, Dice outside (0, 1].</exception>
    public LexiconLearner(LexiconLearnerOptions? options = null)
    {
        this.options = options ?? LexiconLearnerOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MinimumSupport, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxStemsPerWord, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxTokensPerSide, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.MaxPairEntries, 1, nameof(options));
        if (!(this.options.MinimumDice is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), this.options.MinimumDice, "MinimumDice must be in (0, 1].");
        }

        pruneAt = this.options.MaxPairEntries;
    }

    /// <summary>Segment pairs added so far.</summary>
    public int PairCount
    {
        get
        {
            lock (gate)
            {
                return pairCount;
            }
        }
    }

    /// <summary>How many times the combination table was pruned (for tests and diagnostics).</summary>
    internal int Prunings
    {
        get
        {
            lock (gate)
            {
                return prunings;
            }
        }
    }

    /// <summary>Counts the words of one aligned segment pair.</summary>
    /// <param name="korean">The Korean segment (one or more sentences).</param>
    /// <param name="english">Its English translation.</param>
    public void Add(string korean, string english)
    {
        ArgumentNullException.ThrowIfNull(korean);
        ArgumentNullException.ThrowIfNull(english);
        lock (gate)
        {
            tokens.Clear();
            KoreanStemmer.Stems(korean, tokens);
            this.korean.Identify(tokens, koreanIds, options.MaxTokensPerSide);

            tokens.Clear();
            EnglishWords.Words(english, tokens);
            this.english.Identify(tokens, englishIds, options.MaxTokensPerSide);

            pairCount++;
            history.Add(koreanIds.Count);
            history.Add(englishIds.Count);
            history.AddRange(koreanIds);
            history.AddRange(englishIds);
            foreach (var k in koreanIds)
            {
                this.korean.Counts[k]++;
                foreach (var e in englishIds)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(pairs, Key(k, e), out _)++;
                }
            }

            foreach (var e in englishIds)
            {
                this.english.Counts[e]++;
            }

            if (pairs.Count > pruneAt)
            {
                Prune();
            }
        }
    }

    /// <summary>Builds the dictionary learned so far: for each Korean stem, its best English word if any.</summary>
    /// <returns>An immutable snapshot; <see cref="LearnedLexicon.Empty"/> when nothing qualifies.</returns>
    public LearnedLexicon Build()
    {
        lock (gate)
        {
            var links = Link();
            var bestWord = new int[korean.Words.Count];
            var bestLinks = new int[korean.Words.Count];
            var bestScore = new double[korean.Words.Count];
            Array.Fill(bestWord, -1);
            foreach (var (key, count) in links)
            {
                var (k, e) = Split(key);
                var score = Dice(count, k, e);
                if (count < options.MinimumSupport || score < options.MinimumDice
                    || !IsBetter(score, count, e, bestScore[k], bestLinks[k], bestWord[k]))
                {
                    continue;
                }

                bestWord[k] = e;
                bestLinks[k] = count;
                bestScore[k] = score;
            }

            var stemsPerWord = new int[english.Words.Count];
            foreach (var e in bestWord)
            {
                if (e >= 0)
                {
                    stemsPerWord[e]++;
                }
            }

            var translations = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < bestWord.Length; k++)
            {
                var e = bestWord[k];
                if (e >= 0 && stemsPerWord[e] <= options.MaxStemsPerWord)
                {
                    translations.Add(korean.Words[k], english.Words[e]);
                }
            }

            return translations.Count == 0 ? LearnedLexicon.Empty : new LearnedLexicon(translations);
        }
    }

    /// <summary>
    /// Competitive linking (Melamed 2000): in each pair, links stems to words greedily by Dice, best first, each
    /// token at most once, and counts the links. Raw co-occurrence rewards indirect associations: 소련 co-occurs
    /// with "Stalin" as often as 스탈린 does, because the two Korean words keep company. Once 스탈린 has taken
    /// "Stalin" in a pair, 소련 must link to something else there, so only direct translations keep their counts.
    /// Only combinations that could qualify are linked: a link count never exceeds the co-occurrence count, so a
    /// combination below the thresholds now stays below them.
    /// </summary>
    private Dictionary<long, int> Link()
    {
        var links = new Dictionary<long, int>(PairKeyComparer.Instance);
        var candidates = new List<(double Dice, long Key)>();
        var koreanTaken = new int[korean.Words.Count];
        var englishTaken = new int[english.Words.Count];
        var stamp = 0;
        for (var at = 0; at < history.Count;)
        {
            var koreanCount = history[at];
            var englishCount = history[at + 1];
            var koreanStart = at + 2;
            var englishStart = koreanStart + koreanCount;
            at = englishStart + englishCount;

            candidates.Clear();
            for (var i = koreanStart; i < englishStart; i++)
            {
                for (var j = englishStart; j < at; j++)
                {
                    var key = Key(history[i], history[j]);
                    if (pairs.TryGetValue(key, out var count) && count >= options.MinimumSupport)
                    {
                        var dice = Dice(count, history[i], history[j]);
                        if (dice >= options.MinimumDice)
                        {
                            candidates.Add((dice, key));
                        }
                    }
                }
            }

            // Highest Dice first; equal Dice in key order, so that the links do not depend on hash order.
            candidates.Sort(static (a, b) => a.Dice != b.Dice ? b.Dice.CompareTo(a.Dice) : a.Key.CompareTo(b.Key));
            stamp++;
            foreach (var (_, key) in candidates)
            {
                var (k, e) = Split(key);
                if (koreanTaken[k] != stamp && englishTaken[e] != stamp)
                {
                    koreanTaken[k] = stamp;
                    englishTaken[e] = stamp;
                    CollectionsMarshal.GetValueRefOrAddDefault(links, key, out _)++;
                }
            }
        }

        return links;
    }

    private bool IsBetter(double score, int links, int word, double bestScore, int bestLinks, int bestWord)
    {
        if (bestWord < 0)
        {
            return true;
        }

        // Equal scores: the better-attested pair, then the alphabetically first word, so that the result does not
        // depend on the order of the hash table.
        if (score != bestScore)
        {
            return score > bestScore;
        }

        return links != bestLinks
            ? links > bestLinks
            : string.CompareOrdinal(english.Words[word], english.Words[bestWord]) < 0;
    }

    private double Dice(int count, int k, int e) => 2.0 * count / (korean.Counts[k] + english.Counts[e]);

    private void Prune()
    {
        prunings++;
        var hopeless = options.MinimumDice / 2;
        foreach (var (key, count) in pairs)
        {
            var (k, e) = Split(key);
            if (Dice(count, k, e) < hopeless)
            {
                pairs.Remove(key);
            }
        }

        if (pairs.Count > options.MaxPairEntries / 4 * 3)
        {
            foreach (var (key, count) in pairs)
            {
                if (count == 1)
                {
                    pairs.Remove(key);
                }
            }
        }

        // If even that left the table nearly full, let it grow rather than prune again on every pair.
        pruneAt = Math.Max(options.MaxPairEntries, pairs.Count + (options.MaxPairEntries / 4));
    }

    private static long Key(int korean, int english) => ((long)korean << 32) | (uint)english;

    private static (int Korean, int English) Split(long key) => ((int)(key >> 32), (int)key);
}
