namespace TM.Text.Adaptation;

/// <summary>One number of a match's target rewritten to the value the query has.</summary>
/// <param name="Kind">
/// The kind of the target's mention. It can differ from the source's: the ordinal 제118조 is translated by the
/// cardinal "Article 118", and the target keeps its own form.
/// </param>
/// <param name="MatchValue">The value in the match (source and target agree on it); dates are month × 100 + day.</param>
/// <param name="QueryValue">The value in the query, which the target now expresses.</param>
/// <param name="Start">The UTF-16 index of the replaced text in the original target.</param>
/// <param name="Length">The UTF-16 length of the replaced text in the original target.</param>
/// <param name="OriginalText">The replaced text: "May", "26 July", "17만", "fifth".</param>
/// <param name="ReplacementText">The text put in its place, in the target's language and form: "June", "27 July", "18만", "sixth".</param>
public readonly record struct TargetReplacement(
    NumberAnchorKind Kind,
    decimal MatchValue,
    decimal QueryValue,
    int Start,
    int Length,
    string OriginalText,
    string ReplacementText);
