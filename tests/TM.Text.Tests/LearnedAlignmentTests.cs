using TM.Text;
using Xunit.Abstractions;

namespace TM.Text.Tests;

public sealed class LearnedAlignmentTests(ITestOutputHelper output)
{
    // The glossary is off so that the learned part is measured alone; names and numbers stay on, as in real use.
    private static readonly AlignmentOptions WithoutGlossary = new() { Glossary = null };

    [Fact]
    public void Learned_vocabulary_never_lowers_bead_F1_and_raises_it_where_words_decide()
    {
        var documents = LearningCorpus.Documents();
        var improved = new List<string>();
        var lowered = new List<string>();
        output.WriteLine($"{"document",-32} {"entries",7} {"without",8} {"with",8}");
        foreach (var document in documents)
        {
            // Leave one document out: the dictionary never saw the pairs it is asked to find.
            var lexicon = LearningCorpus.LearnWithout(documents, document.Name);
            var without = Score(document, WithoutGlossary);
            var with = Score(document, WithoutGlossary with { Learned = lexicon });

            output.WriteLine($"{document.Name,-32} {lexicon.Count,7} {without,8:0.000} {with,8:0.000}");
            if (with > without)
            {
                improved.Add(document.Name);
            }
            else if (with < without)
            {
                lowered.Add(document.Name);
            }
        }

        Assert.Empty(lowered);
        Assert.Contains(LearningCorpus.ConstructedDocument, improved);
    }

    [Fact]
    public void Learned_vocabulary_beside_the_glossary_never_lowers_bead_F1()
    {
        // The configuration of real use: names, numbers and the glossary on, and the dictionary learned from the memory.
        var documents = LearningCorpus.Documents();
        var lowered = new List<string>();
        output.WriteLine($"{"document",-32} {"entries",7} {"without",8} {"with",8}");
        foreach (var document in documents)
        {
            var lexicon = LearningCorpus.LearnWithout(documents, document.Name);
            var without = Score(document, AlignmentOptions.Default);
            var with = Score(document, AlignmentOptions.Default with { Learned = lexicon });

            output.WriteLine($"{document.Name,-32} {lexicon.Count,7} {without,8:0.000} {with,8:0.000}");
            if (with < without)
            {
                lowered.Add(document.Name);
            }
        }

        Assert.Empty(lowered);
    }

    [Fact]
    public void The_constructed_abstract_needs_the_learned_words()
    {
        var documents = LearningCorpus.Documents();
        var document = documents.Single(d => d.Name == LearningCorpus.ConstructedDocument);
        var lexicon = LearningCorpus.LearnWithout(documents, document.Name);

        var without = new DocumentAligner(WithoutGlossary).Align(document.Text).Beads;
        var with = new DocumentAligner(WithoutGlossary with { Learned = lexicon }).Align(document.Text).Beads;

        // Lengths alone drop the epidemic sentence and pair the sanitation sentence with its translation.
        var dropped = Assert.Single(without, b => !b.IsPair);
        Assert.Contains("전염병", dropped.KoreanText, StringComparison.Ordinal);
        Assert.Equal(1.0, BeadEvaluator.Evaluate(with, document.Gold).F1);
        Assert.Equal("epidemic", lexicon.Translations["전염병"]);
    }

    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Seeds_stay_perfectly_aligned_with_the_glossary_and_a_learned_lexicon(string seed)
    {
        var documents = LearningCorpus.Documents();
        var document = documents.Single(d => d.Name == seed);
        var learnedFromOthers = LearningCorpus.LearnWithout(documents, seed);
        var learnedFromAll = LearningCorpus.LearnWithout(documents, excluded: null);

        var fromOthers = Score(document, AlignmentOptions.Default with { Learned = learnedFromOthers });
        var fromAll = Score(document, AlignmentOptions.Default with { Learned = learnedFromAll });

        output.WriteLine($"{seed}: learned from the other documents {fromOthers:0.000}, from all {fromAll:0.000}");
        Assert.Equal(1.0, Score(document, AlignmentOptions.Default));
        Assert.Equal(1.0, fromOthers);
        Assert.Equal(1.0, fromAll);
    }

    [Fact]
    public void A_learned_key_that_repeats_a_name_is_not_counted_twice()
    {
        string[] korean = ["스탈린은 휴전에 반대하였다.", "마오쩌둥은 협상을 원하였다."];
        string[] english = ["Stalin opposed the armistice.", "Mao wanted negotiations."];
        var echo = new EchoLexicon(KnownTermsLexicon.Instance);

        var names = new SentenceAligner(new AlignmentOptions { Glossary = null }).Align(korean, english);
        var namesTwice = new SentenceAligner(new AlignmentOptions { Glossary = null, Learned = echo }).Align(korean, english);
        var learnedOnly = new SentenceAligner(new AlignmentOptions { Glossary = null, Lexicon = null, Learned = echo }).Align(korean, english);
        var nothing = new SentenceAligner(new AlignmentOptions { Glossary = null, Lexicon = null }).Align(korean, english);

        // The echo says nothing the names did not say, so confidences are unchanged; on its own it does count.
        Assert.Equal(names.Select(b => b.Confidence), namesTwice.Select(b => b.Confidence));
        Assert.NotEqual(nothing.Select(b => b.Confidence), learnedOnly.Select(b => b.Confidence));
    }

    private static double Score(LearningCorpus.Document document, AlignmentOptions options) =>
        BeadEvaluator.Evaluate(new DocumentAligner(options).Align(document.Text).Beads, document.Gold).F1;

    /// <summary>Returns another lexicon's keys as learned keys, as a learned lexicon that learned the names would.</summary>
    private sealed class EchoLexicon(ITranslationLexicon inner) : ITranslationLexicon
    {
        public IReadOnlyList<string> FindTerms(string sentence, Language language) =>
            inner.FindTerms(sentence, language).Select(k => LearnedLexicon.KeyPrefix + k).ToList();
    }
}
