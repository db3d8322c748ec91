namespace TM.Server.Memory;

/// <summary>One penalty a match's score took.</summary>
/// <param name="Reason">"multiple_translations", "aligned", "low_confidence", "number_not_adapted", or "field:" and a field's name.</param>
/// <param name="Points">The points taken off.</param>
public readonly record struct ScorePenalty(string Reason, double Points)
{
    /// <summary>The reason for several translations of one source.</summary>
    public const string MultipleTranslations = "multiple_translations";

    /// <summary>The reason for a pair the aligner made.</summary>
    public const string Aligned = "aligned";

    /// <summary>The reason for a pair the aligner was unsure of.</summary>
    public const string LowConfidence = "low_confidence";

    /// <summary>The reason for a differing number the server could not carry into the translation (<see cref="NumberAdaptationPenalty"/>).</summary>
    public const string NumberNotAdapted = "number_not_adapted";

    /// <summary>The reason for a pair that lacks a field value the request prefers: "field:journal".</summary>
    public static string Field(string name) => "field:" + name;
}
