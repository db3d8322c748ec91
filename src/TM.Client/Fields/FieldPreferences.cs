using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TM.Protos.V1;

namespace TM.Client.Fields;

/// <summary>
/// <c>tm match --prefer journal=군사사연구[:points]</c>: Trados's filter penalties, points off every match whose field
/// does not hold the value, so the preferred pairs rank first without the others being hidden.
/// </summary>
internal static class FieldPreferences
{
    /// <summary>Points off when <c>--prefer</c> gives none: enough to put a preferred 95 above another 99.</summary>
    public const double DefaultPoints = 5;

    // The server's defaults (translation_memory.proto, MatchPenalties), for a memory that keeps none of its own.
    private const double DefaultMultipleTranslations = 1;
    private const double DefaultAligned = 0;
    private const double DefaultLowConfidence = 1;

    // The memory calls that name none go to (SegmentStore.DefaultMemoryName on the server).
    private const string DefaultMemoryName = "default";

    /// <summary>The penalties the server takes for a memory that keeps none of its own.</summary>
    public static MatchPenalties ServerDefaults() => new()
    {
        MultipleTranslations = DefaultMultipleTranslations,
        Aligned = DefaultAligned,
        LowConfidence = DefaultLowConfidence,
    };

    /// <summary>A repeatable <c>--prefer name=value[:points]</c> option.</summary>
    public static Option<FieldPenalty[]> Option() =>
        RepeatedOption.Create("--prefer",
            $"Rank pairs whose field holds this value first: the others lose the points, {DefaultPoints} unless given (name=value:points, 1-100); repeatable",
            "name=value[:points]",
            token => TryParse(token, out var penalty, out var error) ? (penalty, "") : (null, $"--prefer {error} '{token}' is not."));

    /// <summary>
    /// Reads <c>name=value</c> or <c>name=value:points</c>. The points are what follows the last <c>:</c> when it is a
    /// number; a value that itself ends in <c>:</c> and digits (a time, 09:30) is given with its points (09:30:5).
    /// </summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out FieldPenalty? penalty, [NotNullWhen(false)] out string? error)
    {
        penalty = null;
        if (!FieldValues.TryParse(token, allowEmptyValue: false, out var value, out error))
        {
            return false;
        }

        var points = DefaultPoints;
        var colon = value.Value.LastIndexOf(':');
        if (colon >= 0 && double.TryParse(value.Value[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var given))
        {
            if (given is not (> 0 and <= 100) || colon == 0)
            {
                error = $"takes name=value or name=value:points, the points above 0 and at most 100 (a value ending in :digits, like 09:30, is given with its points: {value.Name}={value.Value}:{DefaultPoints});";
                return false;
            }

            points = given;
            value.Value = value.Value[..colon].TrimEnd();
        }

        penalty = new FieldPenalty { Field = value.Name, Value = value.Value, Points = points };
        return true;
    }

    /// <summary>
    /// The penalties a lookup with <paramref name="preferences"/> sends: the memory's own (read with ListMemories), else
    /// the server's defaults, plus the preferences. A request's penalties replace the memory's entirely, so sending the
    /// preferences alone would drop the multiple-translations and low-confidence penalties; a preference for a field
    /// the memory already prefers a value of replaces the memory's.
    /// </summary>
    public static async Task<MatchPenalties> PenaltiesAsync(ServerConnection connection, string memory, IReadOnlyCollection<FieldPenalty> preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(preferences);
        var memories = await connection.TranslationMemory.ListMemoriesAsync(new ListMemoriesRequest(), deadline: connection.Deadline(), cancellationToken: cancellationToken);
        var name = memory.Length > 0 ? memory : DefaultMemoryName;
        var own = memories.Memories.FirstOrDefault(m => m.Name == name)?.Settings?.Penalties;
        var penalties = own?.Clone() ?? ServerDefaults();
        var preferred = preferences.Select(p => p.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = penalties.Fields.Where(p => !preferred.Contains(p.Field)).ToList();
        penalties.Fields.Clear();
        penalties.Fields.AddRange(kept);
        penalties.Fields.AddRange(preferences);
        return penalties;
    }
}
