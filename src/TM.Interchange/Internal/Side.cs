namespace TM.Interchange.Internal;

/// <summary>Which side of a Korean-English pair a language tag belongs to.</summary>
internal enum Side
{
    Other,
    Korean,
    English,
}
