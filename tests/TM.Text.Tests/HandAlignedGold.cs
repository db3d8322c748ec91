using System.Text.Json;
using TM.Text;

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
}
