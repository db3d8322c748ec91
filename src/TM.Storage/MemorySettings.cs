namespace TM.Storage;

/// <summary>What a memory keeps besides its pairs: a description, and what a Lookup into it uses when the request does not say.</summary>
public sealed record MemorySettings
{
    /// <summary>No description, and the server's defaults for everything else.</summary>
    public static MemorySettings None { get; } = new();

    /// <summary>Free text for the people who use the memory (journal, project, client); empty for none.</summary>
    public string Description { get; init; } = "";

    /// <summary>The lowest score a Lookup returns when it does not say; null for the server's default.</summary>
    public double? MinScore { get; init; }

    /// <summary>Points off each of several translations of one source; null for the server's default.</summary>
    public double? MultipleTranslationsPenalty { get; init; }

    /// <summary>Points off a pair the aligner made; null for the server's default.</summary>
    public double? AlignedPenalty { get; init; }

    /// <summary>Points off a low-confidence pair; null for the server's default.</summary>
    public double? LowConfidencePenalty { get; init; }

    /// <summary>Points off the pairs that lack a field value, when the request sends no penalties; empty for none (the default).</summary>
    public IReadOnlyList<FieldPenalty> FieldPenalties { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>
    /// The fields (TM attributes) its pairs may carry, in the order they are shown; empty for none. They govern the
    /// values written from now on: values already stored are never rewritten when a definition changes.
    /// </summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
