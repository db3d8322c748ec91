using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Gale–Church length model for Korean → English: the English length of a translation is normally distributed
/// around <see cref="Ratio"/> × the Korean length, with a variance that grows linearly with the length.
/// Lengths count letters and digits only (spaces and punctuation vary with spelling habits, not with content);
/// Hanja glosses in parentheses, such as 휴전회담(休戰會談), do not count, and a Latin gloss of a Hangul word, such as
/// 한국노무단(Korean Service Corps), counts its letters divided by the default ratio, since the English gives them one for
/// one.
/// </summary>
/// <param name="Ratio">English letters per Korean letter (mostly Hangul syllables).</param>
/// <param name="Variance">Variance of the English length per letter of mean length (s² in Gale and Church 1993).</param>
public sealed record LengthRatioModel(double Ratio, double Variance)
{
    // Weight, in Korean letters, of the default ratio against a document's own ratio in ForDocument. 200 letters
    // are three or four sentences: a short abstract moves the ratio half way, a long document sets its own.
    private const double PriorWeight = 200;

    /// <summary>
    /// Estimated from the 19 paired beads of the hand-aligned seed abstracts (1,170 Korean and 2,982 English
    /// letters): Ratio = 2,982 / 1,170 = 2.55; Variance = mean over beads of (e − 2.55·k)² / ((k + e/2.55) / 2)
    /// = 29.6, rounded up to 30 (Gale and Church found 6.8 for English–German; Korean–English is far less literal).
    /// The two seed documents have ratios of 2.75 and 2.20, which is why <see cref="ForDocument"/> adapts it.
    /// On the 91 true 1-1 pairs of all hand-aligned gold, with the ratio adapted per document, δ has a spread of only 0.67
    /// (wrong pairings of sentences at most two beads apart: 1.9), which suggests a variance near 15; at 15 the long
    /// shuffled benchmark document lost true merges (bead F1 0.950 → 0.937, 1-2 recall 94 → 88%), whose sentences come from
    /// documents of different ratios under one document-wide ratio, so the variance stays at the seeds' figure.
    /// </summary>
    public static LengthRatioModel Default { get; } = new(2.55, 30.0);

    /// <summary>
    /// The standardised length difference δ of a bead: how many standard deviations the English length is away
    /// from what the Korean length predicts. 0 is a perfect fit; |δ| above 2 is unusual.
    /// </summary>
    /// <param name="koreanLength">Korean letters in the bead.</param>
    /// <param name="englishLength">English letters in the bead.</param>
    public double Delta(int koreanLength, int englishLength)
    {
        // Gale–Church scale the variance by the mean of both lengths (in Korean units), which stays sensible when
        // one side is very short.
        var mean = Math.Max((koreanLength + (englishLength / Ratio)) / 2, 1);
        return (englishLength - (koreanLength * Ratio)) / Math.Sqrt(mean * Variance);
    }

    /// <summary>The length cost of a bead in nats: −ln P(|Δ| ≥ |δ|) under the standard normal distribution.</summary>
    /// <param name="koreanLength">Korean letters in the bead.</param>
    /// <param name="englishLength">English letters in the bead.</param>
    public double Cost(int koreanLength, int englishLength) => NormalTail.NegativeLogTwoSided(Delta(koreanLength, englishLength));

    /// <summary>
    /// The model for one document: the ratio moves towards the document's own ratio (its English letters over its
    /// Korean letters), weighted by the document's length against 200 Korean letters of prior; the variance
    /// scales with the square of the ratio. Translators differ in verbosity, and a whole document tells which.
    /// </summary>
    /// <param name="koreanLength">All Korean letters of the document.</param>
    /// <param name="englishLength">All English letters of the document.</param>
    public LengthRatioModel ForDocument(int koreanLength, int englishLength)
    {
        if (koreanLength <= 0 || englishLength <= 0)
        {
            return this;
        }

        var ratio = (englishLength + (Ratio * PriorWeight)) / (koreanLength + PriorWeight);
        ratio = Math.Clamp(ratio, Ratio / 2, Ratio * 2);
        return new LengthRatioModel(ratio, Variance * (ratio / Ratio) * (ratio / Ratio));
    }

    /// <summary>The length of a sentence as the model counts it: letters and digits, without Hanja glosses, with the letters
    /// of a Latin gloss of a Hangul word divided by the default ratio.</summary>
    /// <param name="sentence">One sentence.</param>
    public static int Measure(ReadOnlySpan<char> sentence)
    {
        var length = 0;
        var latinGlossLetters = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c is '(' or '（' && IsGloss(sentence[(i + 1)..], latin: false, out var glossLength, out _))
            {
                i += glossLength;
                continue;
            }

            // A Latin gloss repeats the Hangul word before it in the letters the English will use, which the ratio must not
            // multiply: counted as Korean letters, 한국노무단(Korean Service Corps) expected some 60 English letters where
            // the English has 18, and pushed 110's true pair on it into a 1-2 with a translator's note (2.78 nats of
            // length cost alone against 0.29 with the note). Left out altogether, 알몬드(Edward M. Almond) expected 8
            // where the English spells the whole name. Measured in the remarks of AlignmentCosts.
            if (c is '(' or '（' && i > 0 && Chars.IsHangul(sentence[i - 1]) && IsGloss(sentence[(i + 1)..], latin: true, out glossLength, out var glossLetters))
            {
                latinGlossLetters += glossLetters;
                i += glossLength;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                length++;
            }
        }

        // The gloss's letters come out one for one in the English, so at the default ratio they are this many Korean units.
        return length + (int)Math.Round(latinGlossLetters / Default.Ratio);
    }

    // A Hanja gloss, "(休戰會談)" or "(北韓, 中國)": ideographs, spaces, commas and middle dots up to the closing parenthesis.
    // A Latin gloss, "(Korean Service Corps)", "(Walter S. Robertson)", "(NARA)": Latin letters, spaces, periods, hyphens,
    // apostrophes and commas; digits make it something else (a date, a count).
    private static bool IsGloss(ReadOnlySpan<char> text, bool latin, out int length, out int letters)
    {
        length = 0;
        letters = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ')' or '）')
            {
                length = i + 1;
                return letters > 0;
            }

            if (latin ? Chars.IsLatinLetter(c) : Chars.IsHanja(c))
            {
                letters++;
            }
            else if (latin ? c is not (' ' or '.' or '-' or '\'' or '’' or ',') : c is not (' ' or ',' or '·' or '、'))
            {
                return false;
            }
        }

        return false;
    }
}
