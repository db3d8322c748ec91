using System.Text.Json;
using TM.Text;
using TM.Text.Internal;

namespace TM.Text.Tests;

/// <summary>The hand-aligned gold (Gold/seed-alignment.jsonl and Gold/own-alignment.jsonl) as beads per document, for tests
/// that measure costs on it.</summary>
internal static class HandAlignedGold
{
    /// <summary>The sentences of a gold document in order, with the index of the bead each belongs to.</summary>
    public static (List<string> Korean, List<string> English, int[] KoreanBead, int[] EnglishBead) Sentences(IReadOnlyList<Bead> gold)
    {
        var korean = new List<string>();
        var english = new List<string>();
        var koreanBead = new List<int>();
        var englishBead = new List<int>();
        for (var b = 0; b < gold.Count; b++)
        {
            korean.AddRange(gold[b].Korean);
            koreanBead.AddRange(gold[b].Korean.Select(_ => b));
            english.AddRange(gold[b].English);
            englishBead.AddRange(gold[b].English.Select(_ => b));
        }

        return (korean, english, [.. koreanBead], [.. englishBead]);
    }

    /// <summary>
    /// Every true 1-1 pair of every gold document, and every wrong pairing the aligner could make instead (a Korean and an
    /// English sentence of different beads at most two beads apart), with what the aligner sees of the document.
    /// </summary>
    public static IEnumerable<Pairing> Pairings()
    {
        foreach (var gold in Documents())
        {
            var (korean, english, koreanBead, englishBead) = Sentences(gold);
            var (ko, en, _, _, _, keys) = new SentenceAligner().Features(korean, english);
            for (var k = 0; k < korean.Count; k++)
            {
                for (var e = 0; e < english.Count; e++)
                {
                    var bead = gold[koreanBead[k]];
                    var isTrue = koreanBead[k] == englishBead[e];
                    if (Math.Abs(koreanBead[k] - englishBead[e]) <= 2 && (!isTrue || (bead.Korean.Count == 1 && bead.English.Count == 1)))
                    {
                        yield return new Pairing(ko, en, keys, k, e, isTrue);
                    }
                }
            }
        }
    }

    /// <summary>Every hand-aligned gold document: the seeds and the documents of Gold/Documents.</summary>
    public static IEnumerable<IReadOnlyList<Bead>> Documents()
    {
        foreach (var file in new[] { "seed-alignment.jsonl", "own-alignment.jsonl" })
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gold", file));
            var names = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("doc").GetString())
                .Distinct();
            foreach (var name in names)
            {
                using var reader = new StringReader(text);
                yield return GoldAlignmentReader.Read(reader, name);
            }
        }
    }

    /// <summary>Korean sentence <paramref name="K"/> against English sentence <paramref name="E"/>, a true 1-1 pair or not;
    /// <paramref name="Keys"/> names each anchor id (SentenceAligner.Features).</summary>
    public sealed record Pairing(SideFeatures Korean, SideFeatures English, string[] Keys, int K, int E, bool IsTrue);
}
