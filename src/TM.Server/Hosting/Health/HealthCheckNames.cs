namespace TM.Server.Hosting.Health;

/// <summary>
/// The server's health checks and the names the standard <c>grpc.health.v1.Health</c> service answers for: the empty
/// name for the server as a whole (every check), <c>tm.v1.TranslationMemory</c> for what lookups need (store and
/// indexes), and each check on its own.
/// </summary>
public static class HealthCheckNames
{
    /// <summary>The database answers a query.</summary>
    public const string Store = "tm.store";

    /// <summary>Every memory's index is loaded and took every committed batch.</summary>
    public const string Index = "tm.index";

    /// <summary>The search index (concordance) follows the store: degraded while it takes up changes at start.</summary>
    public const string Search = "tm.search";

    /// <summary>The data directory takes a new file (imports, snapshots and backups need it).</summary>
    public const string DataDirectory = "tm.data-directory";
}
