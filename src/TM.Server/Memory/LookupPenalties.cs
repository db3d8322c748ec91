using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// Points taken off a match's score, as CAT tools apply them (Trados's "multiple translations penalty", memoQ's
/// penalties by origin): they put the surer of two equally similar matches first, and keep a match that needs
/// checking from showing as 100.
/// </summary>
public sealed record LookupPenalties
{
    /// <summary>The defaults: 1 for each of several translations of one source, 0 for an aligner-made pair, 1 for a low-confidence one.</summary>
    public static LookupPenalties Default { get; } = new();

    /// <summary>Off each of several stored translations of the same source text (kept by the add-alternative policy).</summary>
    public double MultipleTranslations { get; init; } = 1;

    /// <summary>
    /// Off a pair the server's aligner made from a document. 0 by default: the aligner is right on unseen abstracts
    /// nearly always, and its doubtful pairs carry <see cref="LowConfidence"/> already.
    /// </summary>
    public double Aligned { get; init; }

    /// <summary>Off a pair the aligner was unsure of; such a pair never shows as 100 whatever this is.</summary>
    public double LowConfidence { get; init; } = 1;

    /// <summary>
    /// Off a pair that lacks a field value (Trados's filter penalties): prefer one journal's pairs, or the reviewed
    /// ones, without hiding the rest. None by default.
    /// </summary>
    public IReadOnlyList<FieldPenalty> Fields { get; init; } = [];

    /// <summary>A memory's own penalties, the defaults for those it leaves unset.</summary>
    public static LookupPenalties Of(TM.Storage.MemorySettings settings) => new()
    {
        MultipleTranslations = settings.MultipleTranslationsPenalty ?? Default.MultipleTranslations,
        Aligned = settings.AlignedPenalty ?? Default.Aligned,
        LowConfidence = settings.LowConfidencePenalty ?? Default.LowConfidence,
        Fields = settings.FieldPenalties,
    };

    /// <summary>True when no penalty can apply.</summary>
    public bool None => MultipleTranslations == 0 && Aligned == 0 && LowConfidence == 0 && Fields.Count == 0;
}
