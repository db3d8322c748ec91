namespace TM.Storage;

/// <summary>One value of one field on a pair; a field with several values (a multi-valued picklist) appears once per value.</summary>
/// <param name="Name">The field's name, as the memory's definition spells it.</param>
/// <param name="Value">The value, in the field type's canonical form (see <see cref="FieldType"/>).</param>
public sealed record FieldValue(string Name, string Value);
