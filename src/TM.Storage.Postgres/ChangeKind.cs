namespace TM.Storage.Postgres;

/// <summary>What one entry of the change log did to its segment.</summary>
public enum ChangeKind
{
    /// <summary>The segment was stored.</summary>
    Add,

    /// <summary>The segment was overwritten in place (same id).</summary>
    Update,

    /// <summary>The segment was deleted.</summary>
    Delete,
}
