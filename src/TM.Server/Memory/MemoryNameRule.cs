namespace TM.Server.Memory;

/// <summary>
/// The rule for the name of a new memory: 1 to 100 letters (any script), digits, spaces, '-', '_' and '.', starting
/// with a letter or a digit. Names are path segments of the HTTP routes and file names of the index snapshots'
/// neighbours in logs and exports, so nothing that reads as a path ("../../etc") or a control character gets in.
/// Memories that exist keep their names, whatever rule they were made under.
/// </summary>
public static class MemoryNameRule
{
    /// <summary>Longest memory name.</summary>
    public const int MaxLength = 100;

    /// <summary>The rule, as messages state it.</summary>
    public const string Rule = "1 to 100 letters, digits, spaces, '-', '_' or '.', starting with a letter or a digit";

    /// <summary>Whether <paramref name="name"/> (already trimmed) may name a new memory.</summary>
    public static bool IsValidNew(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxLength || !char.IsLetterOrDigit(name[0]))
            return false;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '-' or '_' or '.'))
                return false;
        }
        return true;
    }
}
