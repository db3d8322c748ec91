using TM.Protos.V1;

namespace TM.Server.Web;

/// <summary>Splits a text into stretches to highlight and stretches to leave, for the pages' <c>&lt;mark&gt;</c>s.</summary>
public static class MarkedText
{
    /// <summary>
    /// <paramref name="text"/> with the stretches of <paramref name="spans"/> (UTF-16 offsets, as the API gives them)
    /// marked, with <paramref name="markClass"/> as their CSS class; spans outside the text or overlapping an earlier one
    /// are ignored.
    /// </summary>
    public static IReadOnlyList<MarkedPart> Split(string text, IEnumerable<TextSpan> spans, string? markClass = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var parts = new List<MarkedPart>();
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < at || span.Length <= 0 || span.Start + span.Length > text.Length)
                continue;
            if (span.Start > at)
                parts.Add(new MarkedPart(text[at..span.Start], false));
            parts.Add(new MarkedPart(text.Substring(span.Start, span.Length), true, markClass));
            at = span.Start + span.Length;
        }
        if (at < text.Length)
            parts.Add(new MarkedPart(text[at..], false));
        return parts;
    }

    /// <summary>
    /// The adapted target rebuilt from the match's <paramref name="target"/> and its <paramref name="adaptations"/>
    /// (whose spans point into the target as stored), each replacement marked: what the server changed.
    /// </summary>
    public static IReadOnlyList<MarkedPart> Adapted(string target, IEnumerable<Adaptation> adaptations)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(adaptations);
        var parts = new List<MarkedPart>();
        var at = 0;
        foreach (var adaptation in adaptations.OrderBy(a => a.TargetSpan?.Start ?? 0))
        {
            var span = adaptation.TargetSpan;
            if (span is null || span.Start < at || span.Start + span.Length > target.Length)
                continue;
            if (span.Start > at)
                parts.Add(new MarkedPart(target[at..span.Start], false));
            parts.Add(new MarkedPart(adaptation.Replacement, true));
            at = span.Start + span.Length;
        }
        if (at < target.Length)
            parts.Add(new MarkedPart(target[at..], false));
        return parts;
    }
}
