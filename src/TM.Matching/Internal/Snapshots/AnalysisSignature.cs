using TM.Analysis;

namespace TM.Matching.Internal.Snapshots;

/// <summary>
/// A hash of what the analysis makes of a set of probe texts: a snapshot records it, and one written by a build that
/// normalized or tokenized differently is rebuilt from the texts instead of loaded with units this build would not
/// produce (a query would then miss segments it should find).
/// </summary>
/// <remarks>
/// A version number bumped by hand is forgotten exactly when it matters; this notices a changed filter, normalizer or
/// tokenizer by itself, as far as the probes reach, and <see cref="FuzzyIndex.SnapshotFormatVersion"/> covers the layout.
/// The probes cover each script and token kind the analysis treats on its own.
/// </remarks>
internal static class AnalysisSignature
{
    private static readonly string[] Probes =
    [
        "1953년 7월 27일, 판문점에서 정전협정이 조인되었다.",
        "포로 송환 문제는 제네바 협약(1949) 제118조를 둘러싸고 18개월 동안 협상을 교착시켰다.",
        "The Armistice Agreement was signed at Panmunjom on July 27, 1953, after 575 meetings.",
        "U.S. Eighth Army's \"Operation Killer\" — Ridgway's counter-offensive; 3.5% of 1,234,567 troops.",
        "ＡＢＣ１２３ 全角 漢字 韓國戰爭 ｶﾀｶﾅ ㄱㄴㄷ ﾊﾝｸﾞﾙ",
        "Naïve café résumé ÆSOP œuvre straße İstanbul ΑΒΓ Кириллица",
        "\u1112\u1161\u11AB\u1100\u1173\u11AF 한글 \u00A0tab\tand\u2003spaces\u200B zero-width",
        "e-mail x86_64 C++ #42 @user 10:30 2024-01-05 ½ ² ① Ⅻ 🙂",
    ];

    public static ulong Value { get; } = Compute();

    private static ulong Compute()
    {
        var terms = new TermDictionary();
        int[] units = new int[64];
        ulong hash = 0xcbf29ce484222325UL;
        foreach (string probe in Probes)
        {
            int count = UnitAnalysis.Analyze(probe, terms, charIds: null, addNewTerms: true, ref units, 0, out ulong fingerprint);
            hash = Mix(hash, fingerprint);
            hash = Mix(hash, (ulong)count);
            for (int i = 0; i < count; i++)
            {
                foreach (char c in terms.GetTerm(units[i]))
                {
                    hash = Mix(hash, c);
                }

                hash = Mix(hash, 0xFFFF_FFFFUL);
            }
        }

        return hash;
    }

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * 0x100000001b3UL;
}
