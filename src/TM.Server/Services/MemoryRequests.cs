using TM.Protos.V1;
using StoredSettings = TM.Storage.MemorySettings;

namespace TM.Server.Services;

/// <summary>A memory's settings between the API and the store, checked the same way for CreateMemory and UpdateMemory.</summary>
internal static class MemoryRequests
{
    /// <summary>Longest description: a paragraph, not a document.</summary>
    public const int MaxDescriptionLength = 2_000;

    /// <summary>The settings a request asks for; no message means none (the server's defaults).</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT, naming the field.</exception>
    public static StoredSettings Settings(MemorySettings? requested)
    {
        if (requested is null)
            return StoredSettings.None;
        if (requested.Description.Length > MaxDescriptionLength)
            throw Invalid.Argument($"settings.description is {Invalid.Count(requested.Description.Length)} characters long; the limit is {Invalid.Count(MaxDescriptionLength)}.");
        if (requested.MinScore is < 0 or > 100 || double.IsNaN(requested.MinScore))
            throw Invalid.Argument($"settings.min_score is {requested.MinScore}; use 0..100 (0 for the server's default, {RequestLimits.DefaultMinScore}).");
        var penalties = requested.Penalties is null ? null : LookupRequests.Penalties(requested.Penalties);
        var fields = FieldRequests.Definitions(requested.Fields);
        var fieldPenalties = requested.Penalties is null
            ? []
            : FieldRequests.Penalties(requested.Penalties.Fields, new Memory.FieldSchema(fields), "settings.penalties.fields");
        return new StoredSettings
        {
            Fields = fields,
            FieldPenalties = fieldPenalties,
            Description = requested.Description,
            MinScore = requested.MinScore == 0 ? null : requested.MinScore,
            MultipleTranslationsPenalty = penalties?.MultipleTranslations,
            AlignedPenalty = penalties?.Aligned,
            LowConfidencePenalty = penalties?.LowConfidence,
        };
    }

    /// <summary>The settings as the API shows them; penalties only when the memory has its own.</summary>
    public static MemorySettings ToMessage(StoredSettings settings)
    {
        var message = new MemorySettings { Description = settings.Description, MinScore = settings.MinScore ?? 0 };
        FieldRequests.AddTo(message.Fields, settings.Fields);
        if (settings.MultipleTranslationsPenalty is not null || settings.AlignedPenalty is not null || settings.LowConfidencePenalty is not null
            || settings.FieldPenalties.Count > 0)
        {
            var penalties = Memory.LookupPenalties.Of(settings);
            message.Penalties = new MatchPenalties
            {
                MultipleTranslations = penalties.MultipleTranslations,
                Aligned = penalties.Aligned,
                LowConfidence = penalties.LowConfidence,
            };
            FieldRequests.AddTo(message.Penalties.Fields, penalties.Fields);
        }
        return message;
    }
}
