using System.CommandLine;
using System.Globalization;
using TM.Protos.V1;

namespace TM.Client.Fields;

/// <summary>
/// <c>--penalty name=points</c> on <c>tm memories update</c>: one of a memory's default penalties (MatchPenalties'
/// multiple_translations, aligned, low_confidence), which every lookup that names none of its own takes.
/// </summary>
internal sealed record MemoryPenalty(string Name, double Points)
{
    private static readonly string[] Names = ["multiple_translations", "aligned", "low_confidence"];

    /// <summary>The repeatable option.</summary>
    public static Option<MemoryPenalty[]> Option() =>
        RepeatedOption.Create("--penalty",
            $"Set one of the memory's default penalties: {string.Join(", ", Names)} = points (0-100); repeatable",
            "name=points",
            token => TryParse(token, out var penalty, out var error) ? (penalty, "") : (null, $"--penalty {error} '{token}' is not."));

    /// <summary>Sets this penalty in <paramref name="penalties"/>.</summary>
    public void ApplyTo(MatchPenalties penalties)
    {
        ArgumentNullException.ThrowIfNull(penalties);
        switch (Name)
        {
            case "multiple_translations":
                penalties.MultipleTranslations = Points;
                break;
            case "aligned":
                penalties.Aligned = Points;
                break;
            default:
                penalties.LowConfidence = Points;
                break;
        }
    }

    private static bool TryParse(string token, out MemoryPenalty? penalty, out string error)
    {
        penalty = null;
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? token : token[..equals]).Trim().Replace('-', '_').ToLowerInvariant();
        if (!Names.Contains(name))
        {
            error = $"names one of {string.Join(", ", Names)}; ";
            return false;
        }

        if (equals < 0 || !double.TryParse(token[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var points) || points is < 0 or > 100)
        {
            error = "takes points from 0 to 100 after '=' (aligned=2); ";
            return false;
        }

        penalty = new MemoryPenalty(name, points);
        error = "";
        return true;
    }
}
