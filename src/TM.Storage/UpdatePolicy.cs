namespace TM.Storage;

/// <summary>
/// What an import does with a pair whose source text the memory already holds with a different target. A pair
/// the memory holds identically is a duplicate under every policy: skipped and counted, never stored twice.
/// </summary>
public enum UpdatePolicy
{
    /// <summary>Store the pair next to the existing ones, as another translation of the source (Trados: "add to setup"). The default.</summary>
    AddAlternative,

    /// <summary>Leave the memory as it is and count the pair as kept-existing (Trados: "leave unchanged").</summary>
    KeepExisting,

    /// <summary>
    /// Replace the target of the oldest pair with that source in place (same id; new target, origin, note, markup,
    /// confidence and changed time) and delete the source's other translations (Trados: "overwrite").
    /// </summary>
    Overwrite,
}
