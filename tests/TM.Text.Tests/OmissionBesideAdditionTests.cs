using TM.Text;

namespace TM.Text.Tests;

/// <summary>
/// Issue 15: a sentence the translator left out (1-0) next to one only the English has (0-1) must not be stored as a
/// translation pair, and a pair that nothing vouches for must be flagged as low confidence.
/// </summary>
public sealed class OmissionBesideAdditionTests
{
    private const double LowConfidence = 0.5;

    private static readonly SentenceAligner Aligner = new();

    private static readonly string[] Korean =
    [
        "1954년 이후에는 해외 입양이 전쟁고아 문제의 해법으로 떠올랐다.",
        "1955년부터 1961년까지 해외로 입양된 아동은 2,899명에 달하였으며, 그 대부분은 혼혈 아동이었다.",
        "전쟁고아 문제는 전쟁이 끝난 뒤에도 오랫동안 한국 사회의 과제로 남았다.",
    ];

    private static readonly string[] English =
    [
        "After 1954 overseas adoption emerged as the answer to the problem of war orphans.",
        "Between 1955 and 1961, 2,899 children were adopted abroad, most of them of mixed race.",
        "This research was supported by the Academy of Korean Studies Grant funded by the Korean Government (AKS-2021-R-045).",
    ];

    [Fact]
    public void Korean_conclusion_beside_an_English_funding_note_stays_unpaired()
    {
        var beads = Aligner.Align(Korean, English);

        Assert.Equal(4, beads.Count);
        Assert.Contains(beads, b => b.Korean.SequenceEqual([Korean[2]]) && b.English.Count == 0);
        Assert.Contains(beads, b => b.English.SequenceEqual([English[2]]) && b.Korean.Count == 0);
    }

    [Fact]
    public void Korean_funding_note_and_its_translation_still_pair()
    {
        string[] korean = [.. Korean[..2], "이 논문은 2021년 한국학중앙연구원의 지원을 받아 수행된 연구임(AKS-2021-R-045)."];

        var beads = Aligner.Align(korean, English);

        Assert.Equal(3, beads.Count);
        Assert.Equal([korean[2]], beads[2].Korean);
        Assert.Equal([English[2]], beads[2].English);
    }

    [Fact]
    public void Pair_forced_on_sentences_that_share_nothing_is_flagged_as_low_confidence()
    {
        // Without the costs of issue 15 the two orphans pair up; the pair must then at least be flagged.
        var options = AlignmentOptions.Default with { Costs = AlignmentCosts.Default with { ZeroToOne = 20, OneToZero = 20 } };

        var beads = new SentenceAligner(options).Align(Korean, English);

        var forced = Assert.Single(beads, b => b.Korean.SequenceEqual([Korean[2]]));
        Assert.Equal([English[2]], forced.English);
        Assert.True(forced.Confidence < LowConfidence, $"confidence {forced.Confidence:0.00}");
    }
}
