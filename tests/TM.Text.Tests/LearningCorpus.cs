using TM.Text;

namespace TM.Text.Tests;

/// <summary>
/// Gold-aligned documents and a small translation memory for the tests of the learned lexicon: the two seeds,
/// the hand-aligned abstracts under Gold/Documents (when present), and the constructed abstract under Gold/Learned.
/// </summary>
/// <remarks>
/// Gold/Learned/relief-memory.jsonl is a memory of 24 sentence pairs about civilian relief in the Korean War,
/// written for these tests and deliberately not taken from any test document. It teaches, each word pair in two or
/// more sentences: 피난민 → refugee, 수용소 → camp, 천막 → tent, 식량 → food, 배급 → ration, 전염병 → epidemic,
/// 예방접종 → vaccination, 의약품 → medicine, 항구 → port, 고아 → orphan, 교회 → church, 구호 → relief,
/// 민간 → civilian, 보고서 → report. Gold/Learned/civil-relief.txt is an abstract on the same subject whose English
/// leaves out one Korean sentence (on sanitation in winter) in a run of sentences of similar length and without
/// numbers or names: lengths alone drop the sentence before it instead, and only 전염병 ↔ "epidemics" tells which
/// Korean sentence the English kept.
/// </remarks>
internal static class LearningCorpus
{
    public const string ConstructedDocument = "civil-relief.txt";

    /// <summary>Every gold-aligned document available, seeds first.</summary>
    public static IReadOnlyList<Document> Documents()
    {
        var documents = new List<Document>
        {
            new(Seeds.First, Seeds.Read(Seeds.First), Seeds.Gold(Seeds.First)),
            new(Seeds.Second, Seeds.Read(Seeds.Second), Seeds.Gold(Seeds.Second)),
        };

        // Written by another part of the team; the tests use them when they exist.
        var own = GoldPath("own-alignment.jsonl");
        var folder = GoldPath("Documents");
        if (File.Exists(own) && Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var gold = ReadGold(own, name);
                if (gold.Count > 0)
                {
                    documents.Add(new Document(name, File.ReadAllText(file), gold));
                }
            }
        }

        documents.Add(new Document(
            ConstructedDocument,
            File.ReadAllText(GoldPath("Learned", ConstructedDocument)),
            ReadGold(GoldPath("Learned", "civil-relief.gold.jsonl"), ConstructedDocument)));
        return documents;
    }

    /// <summary>The 24 pairs of the small relief memory.</summary>
    public static IReadOnlyList<Bead> Memory() => ReadGold(GoldPath("Learned", "relief-memory.jsonl"), null);

    /// <summary>Learns from the memory and from the gold pairs of every document except <paramref name="excluded"/>.</summary>
    public static LearnedLexicon LearnWithout(IReadOnlyList<Document> documents, string? excluded)
    {
        var learner = new LexiconLearner();
        foreach (var bead in Memory())
        {
            learner.Add(bead.KoreanText, bead.EnglishText);
        }

        foreach (var document in documents)
        {
            if (document.Name == excluded)
            {
                continue;
            }

            foreach (var bead in document.Gold)
            {
                if (bead.IsPair)
                {
                    learner.Add(bead.KoreanText, bead.EnglishText);
                }
            }
        }

        return learner.Build();
    }

    private static IReadOnlyList<Bead> ReadGold(string path, string? document)
    {
        using var reader = new StreamReader(path);
        return GoldAlignmentReader.Read(reader, document);
    }

    private static string GoldPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Gold", .. parts]);

    /// <summary>A document with its gold alignment.</summary>
    public sealed record Document(string Name, string Text, IReadOnlyList<Bead> Gold);
}
