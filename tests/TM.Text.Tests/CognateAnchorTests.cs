using TM.Text;

namespace TM.Text.Tests;

public sealed class CognateAnchorTests
{
    // The second Korean sentence glosses its source in Latin script (NARA), and so does its translation. The first
    // Korean sentence has no translation and is the one whose length fits the English better. The glossary is
    // off so that only the cognate can tell the two apart.
    private static readonly string[] Korean =
    [
        "당시 부산과 대구 주변의 피난민 수용소는 이미 수용 인원을 크게 넘어선 상태였고 겨울이 다가오면서 천막과 담요가 모자랐다.",
        "NARA 소장 보고서는 물자 배분이 고르지 않았음을 보여 준다.",
    ];

    private static readonly AlignmentOptions WithoutGlossary = AlignmentOptions.Default with { Glossary = null };

    private static readonly string[] English =
    [
        "Reports held by the U.S. National Archives (NARA) show that relief supplies were distributed very unevenly.",
    ];

    [Fact]
    public void A_Latin_gloss_shared_by_both_sides_pairs_the_sentences_that_carry_it()
    {
        var beads = new SentenceAligner(WithoutGlossary).Align(Korean, English);

        var pair = Assert.Single(beads, b => b.IsPair);
        Assert.Equal([Korean[1]], pair.Korean);
    }

    [Fact]
    public void Without_cognate_anchors_the_same_sentences_are_misaligned()
    {
        var options = WithoutGlossary with { Costs = AlignmentCosts.Default with { CognateMatch = 0 } };

        var beads = new SentenceAligner(options).Align(Korean, English);

        Assert.DoesNotContain(beads, b => b.IsPair && b.Korean.Count == 1 && b.Korean[0] == Korean[1]);
    }
}
