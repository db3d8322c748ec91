using System.Globalization;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Output;

/// <summary>
/// The translation of a match as a translator would insert it: the fragment's part for a fragment, with the numbers and
/// dates the server adapted to the query marked (green and underlined, or <c>{+June+}</c> without colours), and a
/// dim line with where the pair came from, when, and what lowered its score.
/// </summary>
internal static class AdaptedTarget
{
    private static readonly Style AdaptedStyle = Style.Parse("green underline");

    /// <summary>The translation with the adapted numbers marked.</summary>
    public static DiffText Text(Match match, bool ansi)
    {
        ArgumentNullException.ThrowIfNull(match);
        var target = match.Target;
        var (start, end) = match.Kind == MatchKind.Fragment && match.TargetSpan is { } part && part.Start + part.Length <= target.Length
            ? (part.Start, part.Start + part.Length)
            : (0, target.Length);
        var text = new DiffText();
        var position = start;
        // The replacements' spans are in the whole target; the text between them is copied as it is.
        foreach (var adaptation in match.Adaptations)
        {
            var at = adaptation.TargetSpan.Start;
            if (at < position || at + adaptation.TargetSpan.Length > end)
            {
                continue;
            }

            if (at > position)
            {
                text.Append(target[position..at]);
            }

            text.AppendMarked(ansi ? adaptation.Replacement : "{+" + adaptation.Replacement + "+}", ansi ? AdaptedStyle : Style.Plain);
            position = at + adaptation.TargetSpan.Length;
        }

        if (end > position)
        {
            text.Append(target[position..end]);
        }

        return text;
    }

    /// <summary>Origin, date, how the pair was made, penalties and the numbers left for the translator, as one line; empty for none.</summary>
    public static string Details(Match match, string query)
    {
        ArgumentNullException.ThrowIfNull(match);
        var parts = new List<string>();
        if (match.Origin.Length > 0)
        {
            parts.Add(match.Origin);
        }

        if (match.Changed.Length >= 10)
        {
            parts.Add(match.Changed[..10]);
        }

        if (match.Aligned)
        {
            parts.Add("aligned");
        }

        if (match.UsageCount > 0)
        {
            parts.Add("used " + match.UsageCount.ToString(CultureInfo.InvariantCulture) + "×");
        }

        foreach (var penalty in match.Penalties)
        {
            parts.Add("−" + penalty.Points.ToString("0.##", CultureInfo.InvariantCulture) + " " + penalty.Reason.Replace('_', ' '));
        }

        foreach (var number in match.UnplacedNumbers)
        {
            if (number.Start >= 0 && number.Length > 0 && number.Start + number.Length <= query.Length)
            {
                parts.Add("check " + query.Substring(number.Start, number.Length));
            }
        }

        return string.Join(" · ", parts);
    }
}
