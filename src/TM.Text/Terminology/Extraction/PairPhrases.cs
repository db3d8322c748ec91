using TM.Text.Internal;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Reads the Korean and English candidate phrases of one pair at a time into reused lists. A keyword line ("주제어: 제네바
/// 회담, 정치회담", "Key words: Geneva Conference, …") is read without its label, which is no term: its keywords are.
/// </summary>
internal sealed class PairPhrases(TermExtractionOptions options)
{
    public PhraseList Korean { get; } = new();

    public PhraseList English { get; } = new();

    private string englishText = "";
    private string koreanText = "";
    private int englishOffset;
    private int koreanOffset;

    /// <summary>The text of the i-th English phrase of the pair read last, as written.</summary>
    public ReadOnlySpan<char> EnglishSurface(int index) => englishText.AsSpan(EnglishStart(index), English.Span(index).SurfaceLength);

    /// <summary>Where the i-th English phrase starts in the pair's English text.</summary>
    public int EnglishStart(int index) => englishOffset + English.Span(index).SurfaceStart;

    /// <summary>The text of the i-th Korean phrase of the pair read last, as written (with the last word's particles).</summary>
    public ReadOnlySpan<char> KoreanSurface(int index) => koreanText.AsSpan(koreanOffset + Korean.Span(index).SurfaceStart, Korean.Span(index).SurfaceLength);

    /// <summary>Reads <paramref name="pair"/>; false when either side has no candidate, and the pair then says nothing.</summary>
    public bool Read(ExtractionPair pair)
    {
        Korean.Clear();
        English.Clear();
        (koreanText, koreanOffset) = (pair.Korean, LabelLength(pair.Korean));
        KoreanNounPhrases.Find(pair.Korean.AsSpan(koreanOffset), options.MaxKoreanWords, options.MaxCandidatesPerSide, Korean);
        if (Korean.Count == 0)
        {
            return false;
        }

        (englishText, englishOffset) = (pair.English, LabelLength(pair.English));
        EnglishNounPhrases.Find(pair.English.AsSpan(englishOffset), options.MaxEnglishWords, options.MaxCandidatesPerSide, English);
        return English.Count > 0;
    }

    /// <summary>The length of a keyword label with its colon at the start of <paramref name="text"/>; 0 when there is none.</summary>
    private static int LabelLength(string text) =>
        KeywordLabel.TryMatch(text, out _, out _) ? text.AsSpan().IndexOfAny(':', '：') + 1 : 0;
}
