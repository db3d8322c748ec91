namespace TM.Storage;

/// <summary>One field (TM attribute) a memory defines for its pairs: its name, its type and, for a picklist, its choices.</summary>
/// <param name="Name">The field's name as the memory spells it; names are compared without regard to case.</param>
/// <param name="Type">What its values are.</param>
/// <param name="Choices">A picklist's allowed values, in the order shown to users; empty for the other types.</param>
public sealed record FieldDefinition(string Name, FieldType Type, IReadOnlyList<string> Choices)
{
    /// <summary>A field without choices.</summary>
    public FieldDefinition(string name, FieldType type)
        : this(name, type, [])
    {
    }
}
