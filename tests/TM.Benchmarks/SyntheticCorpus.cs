namespace TM.Benchmarks;

/// <summary>
/// A reproducible Korean-English memory: <see cref="Count"/> pairs from a <see cref="SentenceGenerator"/>
/// driven by a fixed seed, every Korean and every English side distinct (as after the store's de-duplication).
/// </summary>
/// <remarks>
/// <para>
/// Pairs come in documents of 20 to 200 sentences, each with its own <see cref="Topic"/>. A share of the pairs are revisions of an earlier pair (5-35% of its units edited), as in a real memory that
/// holds several versions of a document: a query then has several true matches, and recall@5 means something.
/// </para>
/// <para>
/// The two sides of a pair are generated independently, not as translations of each other: each side is
/// indexed and searched on its own, so only the statistics of each language matter here.
/// </para>
/// </remarks>
internal sealed class SyntheticCorpus
{
    private const double MinRevisionRate = 0.05;
    private const double MaxRevisionRate = 0.35;
    private const int MinDocumentSentences = 20;
    private const int MaxDocumentSentences = 200;

    private SyntheticCorpus(SentenceGenerator generator, string[] korean, string[] english, double revisionShare)
    {
        Generator = generator;
        Korean = korean;
        English = english;
        RevisionShare = revisionShare;
    }

    public SentenceGenerator Generator { get; }

    public IReadOnlyList<string> Korean { get; }

    public IReadOnlyList<string> English { get; }

    /// <summary>The share of pairs that are revisions of an earlier pair.</summary>
    public double RevisionShare { get; }

    public int Count => Korean.Count;

    public static SyntheticCorpus Generate(int count, double revisionShare, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var generator = new SentenceGenerator(seed);
        var random = new Random(seed + 1);
        var korean = new string[count];
        var english = new string[count];
        var seenKorean = new HashSet<string>(count, StringComparer.Ordinal);
        var seenEnglish = new HashSet<string>(count, StringComparer.Ordinal);
        var topic = generator.NewTopic(random);
        var documentEnd = 0;
        for (var i = 0; i < count; i++)
        {
            if (i == documentEnd)
            {
                topic = generator.NewTopic(random);
                documentEnd = i + random.Next(MinDocumentSentences, MaxDocumentSentences + 1);
            }

            string ko, en;
            do
            {
                if (i > 0 && random.NextDouble() < revisionShare)
                {
                    var original = random.Next(i);
                    var rate = MinRevisionRate + random.NextDouble() * (MaxRevisionRate - MinRevisionRate);
                    ko = SentenceEditor.EditKorean(korean[original], rate, random, generator);
                    en = SentenceEditor.EditEnglish(english[original], rate, random, generator);
                }
                else
                {
                    ko = generator.NextKorean(random, topic);
                    en = generator.NextEnglish(random, topic);
                }
            }
            while (seenKorean.Contains(ko) || seenEnglish.Contains(en));
            seenKorean.Add(korean[i] = ko);
            seenEnglish.Add(english[i] = en);
        }
        return new SyntheticCorpus(generator, korean, english, revisionShare);
    }

    /// <summary>The mean length of the sides, in UTF-16 characters, for the report.</summary>
    public (double Korean, double English) MeanLength() => (Korean.Average(text => text.Length), English.Average(text => text.Length));
}
