using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Aligns a list of Korean sentences with a list of English sentences. The best alignment minimises, over the
/// whole lists at once, the sum of bead costs: the bead shape's prior (<see cref="AlignmentCosts"/>), the length
/// cost (<see cref="LengthRatioModel"/>, adapted to the document), and the anchor evidence: numbers
/// (<see cref="NumberAnchorExtractor"/>), lexicon terms (<see cref="ITranslationLexicon"/>), Latin words the Korean
/// carries (glosses, and the Hangul names they gloss) and Korean names romanised in the English (흥남 ↔ Heungnam) that
/// both sides share earn a reward, those on one side only a charge. Beads without a counterpart carry no anchor
/// evidence; a paired bead pays besides for each sentence that has anchors but shares none with the other side
/// (<see cref="AlignmentCosts.UncoveredSentence"/>), which is what lets an untranslated sentence stand alone. A paired
/// bead whose sides share nothing at all while each has content words is evidence that they are not translations of
/// each other (<see cref="AlignmentCosts.UnrelatedPair"/>), and a sentence worded as a funding note, acknowledgment or
/// translator's note is likely one-sided (<see cref="AlignmentCosts.OneSidedSentence"/>); both lower the pair's
/// confidence under 0.5.
/// </summary>
public sealed class SentenceAligner
{
    private readonly AlignmentOptions options;

    /// <summary>Creates an aligner.</summary>
    /// <param name="options">Models and costs; null means <see cref="AlignmentOptions.Default"/>.</param>
    public SentenceAligner(AlignmentOptions? options = null)
    {
        this.options = options ?? AlignmentOptions.Default;
    }

    /// <summary>Aligns the two sentence lists.</summary>
    /// <param name="korean">Korean sentences in document order.</param>
    /// <param name="english">English sentences in document order.</param>
    /// <returns>Beads in order; every sentence of both lists is in exactly one bead.</returns>
    public IReadOnlyList<Bead> Align(IReadOnlyList<string> korean, IReadOnlyList<string> english)
    {
        ArgumentNullException.ThrowIfNull(korean);
        ArgumentNullException.ThrowIfNull(english);

        var (koreanSide, englishSide, model, rewards, charges, _) = Features(korean, english);
        var aligner = new BandedAligner(
            koreanSide, englishSide, model, options.Costs, rewards, charges, options.MinimumBandWidth);
        var aligned = aligner.Align();

        var beads = new Bead[aligned.Count];
        for (var b = 0; b < aligned.Count; b++)
        {
            var a = aligned[b];
            beads[b] = new Bead(
                Slice(korean, a.KoreanStart, a.KoreanCount),
                Slice(english, a.EnglishStart, a.EnglishCount),
                a.Confidence);
        }

        return beads;
    }

    /// <summary>
    /// What the dynamic programme sees of the two lists: lengths, anchors (ids into the reward and charge tables, already
    /// discounted for anchors common in the document), content words and one-sided sentences, and the length model
    /// adapted to the document, and each anchor id's key (its kind first: <c>#</c> number, <c>c:</c> cognate, <c>r:</c>
    /// romanised name, <c>t:</c> term, <c>g:</c> glossary word, <c>l:</c> learned word). Tests estimate costs from it on
    /// the gold documents.
    /// </summary>
    internal (SideFeatures Korean, SideFeatures English, LengthRatioModel Model, double[] Rewards, double[] Charges, string[] Keys) Features(
        IReadOnlyList<string> korean, IReadOnlyList<string> english)
    {
        var anchorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var rewards = new List<double>();
        var charges = new List<double>();
        // Latin glosses in the Korean text decide which English words can be cognate anchors; collected first so
        // that ordinary English words (most of every English sentence) never become anchors.
        var glosses = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        var aliases = new HangulAliases();
        foreach (var sentence in korean)
        {
            LatinGlosses.Collect(sentence ?? "", words);
            aliases.Learn(sentence ?? "");
        }

        glosses.UnionWith(words);
        var (koreanNames, englishNames) = RomanizedNames.Find(korean, english);
        var koreanSide = Describe(korean, Language.Korean, anchorIds, rewards, charges, glosses, aliases, koreanNames);
        var englishSide = Describe(english, Language.English, anchorIds, rewards, charges, glosses, aliases, englishNames);
        var model = options.LengthModel.ForDocument(koreanSide.Prefix[^1], englishSide.Prefix[^1]);
        DiscountCommonAnchors(koreanSide, englishSide, rewards, charges, (2 * options.MinimumBandWidth) + 1);
        var keys = new string[anchorIds.Count];
        foreach (var (key, id) in anchorIds)
        {
            keys[id] = key;
        }

        return (koreanSide, englishSide, model, [.. rewards], [.. charges], keys);
    }

    private SideFeatures Describe(
        IReadOnlyList<string> sentences,
        Language language,
        Dictionary<string, int> anchorIds,
        List<double> rewards,
        List<double> charges,
        HashSet<string> glosses,
        HangulAliases aliases,
        List<string>[] names)
    {
        var lengths = new int[sentences.Count];
        var anchors = new int[sentences.Count][];
        var telling = new bool[sentences.Count];
        var contentWords = new int[sentences.Count];
        var oneSided = new bool[sentences.Count];
        var tokens = new LexicalTokens();
        var ids = new List<int>();
        var words = new List<string>();
        var spelled = new List<int>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s] ?? throw new ArgumentException("A sentence is null.", nameof(sentences));
            lengths[s] = LengthRatioModel.Measure(sentence);
            tokens.Clear();
            if (language == Language.Korean)
            {
                KoreanStemmer.Stems(sentence, tokens);
            }
            else
            {
                EnglishWords.Words(sentence, tokens);
            }

            contentWords[s] = tokens.Count;
            oneSided[s] = OneSidedSentence.Matches(sentence, language);
            ids.Clear();
            foreach (var number in NumberAnchorExtractor.Extract(sentence, language))
            {
                ids.Add(Intern("#" + number.MatchKey, options.Costs.NumberMatch, options.Costs.NumberMismatch));
            }

            // 19개국 ↔ "nineteen states", 열다섯 살 ↔ "fifteen": read for alignment only (see EnglishNumberWords).
            spelled.Clear();
            if (language == Language.English)
            {
                EnglishNumberWords.Find(sentence, spelled);
            }
            else
            {
                KoreanNumberWords.Find(sentence, spelled);
            }

            foreach (var value in spelled)
            {
                var key = new NumberAnchor(NumberAnchorKind.Cardinal, value).MatchKey;
                ids.Add(Intern("#" + key, options.Costs.NumberMatch, options.Costs.NumberMismatch));
            }

            IReadOnlyList<string> terms = [];
            if (glosses.Count > 0 && options.Costs.CognateMatch > 0)
            {
                words.Clear();
                LatinGlosses.Collect(sentence, words);
                if (language == Language.Korean)
                {
                    aliases.Find(sentence, words);
                }
                foreach (var word in words)
                {
                    if (glosses.Contains(word))
                    {
                        ids.Add(Intern("c:" + word, options.Costs.CognateMatch, options.Costs.CognateMismatch));
                    }
                }
            }

            foreach (var name in names[s])
            {
                ids.Add(Intern("r:" + name, options.Costs.TermMatch, options.Costs.TermMismatch));
            }

            if (options.Lexicon is { } lexicon)
            {
                terms = lexicon.FindTerms(sentence, language);
                foreach (var term in terms)
                {
                    ids.Add(Intern("t:" + term, options.Costs.TermMatch, options.Costs.TermMismatch));
                }
            }

            IReadOnlyList<string> glossaryTerms = [];
            if (options.Glossary is { } glossary)
            {
                glossaryTerms = glossary.FindTerms(sentence, language);
                foreach (var term in glossaryTerms)
                {
                    ids.Add(Intern("g:" + term, options.Costs.GlossaryMatch, options.Costs.GlossaryMismatch));
                }
            }

            // Learned words are guesses, one translation per stem: missing from the other side they say little, so a
            // sentence with nothing else is not charged for sharing nothing (AlignmentCosts.UncoveredSentence).
            telling[s] = ids.Count > 0;
            if (options.Learned is { } learned)
            {
                foreach (var term in learned.FindTerms(sentence, language))
                {
                    // A learned "armistice" beside the lexicon's "armistice" is the same evidence twice. Both
                    // sides of a true pair usually drop it together, so dropping it costs no mismatch charge.
                    if (!SaysAgain(term, terms) && !SaysAgain(term, glossaryTerms))
                    {
                        ids.Add(Intern("l:" + term, options.Costs.LearnedMatch, options.Costs.LearnedMismatch));
                    }
                }
            }

            if (ids.Count > BandedAligner.SentenceAnchorLimit)
            {
                ids.RemoveRange(BandedAligner.SentenceAnchorLimit, ids.Count - BandedAligner.SentenceAnchorLimit);
            }

            ids.Sort();
            anchors[s] = [.. ids];
        }

        return new SideFeatures(lengths, anchors, telling, contentWords, oneSided);

        int Intern(string key, double reward, double charge)
        {
            if (!anchorIds.TryGetValue(key, out var id))
            {
                id = anchorIds.Count;
                anchorIds.Add(key, id);
                rewards.Add(reward);
                charges.Add(charge);
            }

            return id;
        }
    }

    private static bool SaysAgain(string learnedKey, IReadOnlyList<string> keys)
    {
        var word = learnedKey.AsSpan();
        if (word.StartsWith(LearnedLexicon.KeyPrefix, StringComparison.Ordinal))
        {
            word = word[LearnedLexicon.KeyPrefix.Length..];
        }

        foreach (var key in keys)
        {
            if (word.Equals(key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Scales each anchor's reward and charge by how specific it is to one place in the document: an anchor that
    /// occurs in three sentences of a side is a third as good a witness that two particular sentences belong
    /// together (it matches the wrong neighbours just as well). Without this, common vocabulary such as
    /// "negotiation", which a history abstract repeats in half its sentences, pulls beads apart.
    /// </summary>
    /// <remarks>
    /// Only the neighbours the alignment can confuse count: the sentences within <paramref name="window"/> of each other
    /// (the first band of the dynamic programme), since the best path rarely strays further. An anchor's frequency is the
    /// most sentences that have it within one window, which is its whole count in an abstract. Counted over the whole
    /// document instead, a name or year that recurs every few pages was discounted as if all its mentions competed: on the
    /// long shuffled benchmark document (2,000 sentences per side, each gold sentence about thirteen times) that cut the
    /// rewards of its anchors to about a quarter (1 / √13), and bead F1 was 0.950 against 0.962 with the window (1-0 recall
    /// 78.6 → 80.7%, 0-1 77.6 → 81.0%, 1-2 94.2 → 95.8%). No gold document changed: none is longer than the window.
    /// A window of 40 sentences measured 0.966; the band is kept because it is what the path can reach, not a fitted figure.
    /// </remarks>
    private static void DiscountCommonAnchors(
        SideFeatures korean, SideFeatures english, List<double> rewards, List<double> charges, int window)
    {
        var koreanFrequency = new int[rewards.Count];
        var englishFrequency = new int[rewards.Count];
        CountSentences(korean, koreanFrequency, window);
        CountSentences(english, englishFrequency, window);
        for (var id = 0; id < rewards.Count; id++)
        {
            var spread = Math.Sqrt(Math.Max(1, Math.Max(koreanFrequency[id], englishFrequency[id])));
            rewards[id] /= spread;
            charges[id] /= spread;
        }
    }

    // The most sentences within any run of `window` consecutive sentences that have the anchor, per anchor.
    private static void CountSentences(SideFeatures side, int[] frequency, int window)
    {
        // The sentences that have each anchor, in order, from the first within the window of the current one.
        var inWindow = new Queue<int>[frequency.Length];
        for (var s = 0; s < side.Anchors.Length; s++)
        {
            var previous = -1;
            foreach (var id in side.Anchors[s])
            {
                // Anchors are sorted per sentence: count each anchor once per sentence.
                if (id == previous)
                {
                    continue;
                }

                previous = id;
                var seen = inWindow[id] ??= new Queue<int>();
                seen.Enqueue(s);
                while (s - seen.Peek() >= window)
                {
                    seen.Dequeue();
                }

                frequency[id] = Math.Max(frequency[id], seen.Count);
            }
        }
    }

    private static string[] Slice(IReadOnlyList<string> sentences, int start, int count)
    {
        var slice = new string[count];
        for (var i = 0; i < count; i++)
        {
            slice[i] = sentences[start + i];
        }

        return slice;
    }
}
