namespace TM.Server.Security;

/// <summary>What an API key may do; each role includes the ones before it (the model GroupShare and memoQ server users know).</summary>
public enum AccessRole
{
    /// <summary>Lookup, Concordance, GetStats, ListImports, AlignDocument and ExportTmx of the memories the key may use.</summary>
    Read = 1,

    /// <summary>Also imports into those memories.</summary>
    Write = 2,

    /// <summary>Everything on every memory, and the Administration service (keys, backups).</summary>
    Admin = 3,
}
