namespace TM.Storage;

/// <summary>Points off a match whose pair does not hold <paramref name="Value"/> in field <paramref name="Name"/> (a pair without the field included).</summary>
/// <param name="Name">The field, as the memory's definition spells it.</param>
/// <param name="Value">The value a pair should hold, in the field type's form.</param>
/// <param name="Points">The points taken off, 0..100.</param>
public sealed record FieldPenalty(string Name, string Value, double Points);
