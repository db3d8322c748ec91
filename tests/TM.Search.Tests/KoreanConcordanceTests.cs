using TM.Search;

namespace TM.Search.Tests;

/// <summary>
/// The Korean side is exact substring search: for every term, the index's total and ids equal a brute-force
/// case-insensitive Contains over the memory's texts (the bar, on 200 random terms of two or more
/// characters drawn from the texts and some that are in none), and the special cases the grams must get right.
/// </summary>
public sealed class KoreanConcordanceTests : IClassFixture<KoreanConcordanceTests.Memory>
{
    private readonly Memory _memory;

    public KoreanConcordanceTests(Memory memory) => _memory = memory;

    [Fact]
    public void Hit_counts_and_ids_equal_a_brute_force_substring_scan_for_200_random_terms()
    {
        var random = new Random(1953);
        var terms = new List<string>();
        while (terms.Count < 170)
        {
            string text = _memory.Texts[random.Next(_memory.Texts.Count)];
            int length = random.Next(2, 9);
            if (text.Length < length)
            {
                continue;
            }

            string term = text.Substring(random.Next(text.Length - length + 1), length).Trim();
            if (term.Length < 2)
            {
                continue;
            }

            // Latin letters in any case: UN, un and Un are one term.
            terms.Add(random.Next(3) switch { 0 => term.ToUpperInvariant(), 1 => term.ToLowerInvariant(), _ => term });
        }

        const string Syllables = "전쟁협상휴회담군철중소북한공포교환의제합경원정체결조주이과시상반실타략문계획지요영학자료작기판점";
        while (terms.Count < 200)
        {
            int length = random.Next(2, 5);
            terms.Add(new string(Enumerable.Range(0, length).Select(_ => Syllables[random.Next(Syllables.Length)]).ToArray()));
        }

        int found = 0;
        foreach (string term in terms)
        {
            List<long> expected = _memory.BruteForce(term);
            List<long> actual = _memory.Index.AllPages(new ConcordanceQuery(1, term, ConcordanceSides.Korean) { MaxHits = 97 }, out int total);
            Assert.True(expected.Count == total, $"'{term}': {total} hits, brute force {expected.Count}");
            Assert.Equal(expected, actual);
            found += expected.Count > 0 ? 1 : 0;
        }

        // The sample must mostly be terms that occur, from rare ones to ones in most texts.
        Assert.InRange(found, 170, 200);
    }

    [Theory]
    [InlineData("1951")]         // digits inside 1951년: the grams cross from digit to letter
    [InlineData("951년")]
    [InlineData("휴전 회담")]     // a space inside the term
    [InlineData("회담(休戰")]     // punctuation inside the term
    [InlineData("(休戰會談)")]
    [InlineData("休戰")]          // Han
    [InlineData("戰")]
    [InlineData("nato")]         // Latin inside Korean text, any case
    [InlineData("NaTo를")]
    [InlineData("MIG-15")]
    [InlineData("6·25")]
    [InlineData("3.5")]
    [InlineData("전")]           // one syllable: its unigram or any 2-gram it starts, exact too
    [InlineData("7월 2")]        // a lone letter at the end: "2" is followed by "7" in the texts
    [InlineData("(休")]
    [InlineData("회담 중")]
    [InlineData("의")]
    [InlineData("다.")]
    [InlineData(".")]
    [InlineData("7월 27일")]
    [InlineData("하려 하였다.")]
    [InlineData("없는말")]       // in no text
    public void Special_terms_find_exactly_the_texts_that_contain_them(string term)
    {
        List<long> expected = _memory.BruteForce(term);
        List<long> actual = _memory.Index.AllPages(new ConcordanceQuery(1, term, ConcordanceSides.Korean) { MaxHits = 500 }, out int total);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_hit_has_a_span_and_every_span_is_the_term()
    {
        foreach (string term in new[] { "1951", "휴전", "nato", "休戰", "회담 ", " 중국", "다." })
        {
            foreach (long id in _memory.Index.Search(term, ConcordanceSides.Korean, maxHits: 200).Ids)
            {
                string text = _memory.TextOf(id);
                IReadOnlyList<TextSpan> spans = ConcordanceSpans.Find(text, term, ConcordanceSides.Korean, englishWordForms: false);
                Assert.NotEmpty(spans);
                Assert.All(spans, span => Assert.Equal(term.Trim(), text.Substring(span.Start, span.Length), ignoreCase: true));
            }
        }
    }

    /// <summary>
    /// Memory 1: 3,000 texts; memory 2: 500 more, interleaved by id, so that every search must also keep to its memory.
    /// </summary>
    public sealed class Memory : IDisposable
    {
        private readonly Dictionary<long, string> _byId = [];

        public Memory()
        {
            var random = new Random(1951);
            List<string> texts = KoreanCorpus.Generate(random, 3500);
            var segments = new List<IndexedSegment>();
            var memory1 = new List<(long, string)>();
            for (int i = 0; i < texts.Count; i++)
            {
                long id = i + 1;
                long memory = i % 7 == 3 ? 2 : 1;
                segments.Add(TestIndex.Segment(id, texts[i], memory: memory));
                _byId[id] = texts[i];
                if (memory == 1)
                {
                    memory1.Add((id, texts[i]));
                }
            }

            Ids = memory1.Select(t => t.Item1).ToList();
            Texts = memory1.Select(t => t.Item2).ToList();
            Index = new TestIndex();
            // Three batches with a refresh between: the index has several segments, as after an import.
            foreach (IndexedSegment[] batch in segments.Chunk(1200))
            {
                Index.Add(batch);
            }
        }

        internal TestIndex Index { get; }

        public List<long> Ids { get; }

        public List<string> Texts { get; }

        public string TextOf(long id) => _byId[id];

        public List<long> BruteForce(string term)
        {
            string trimmed = term.Trim();
            return Ids.Where((_, i) => Texts[i].Contains(trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        public void Dispose() => Index.Dispose();
    }
}
