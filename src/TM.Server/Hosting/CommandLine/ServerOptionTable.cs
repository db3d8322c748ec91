using static TM.Server.Hosting.CommandLine.OptionBinding;

namespace TM.Server.Hosting.CommandLine;

/// <summary>
/// Every option of the server, in the order <c>--help</c> lists them. To add one: a property in
/// <see cref="ServerOptions"/> and a row here (name, environment variable, how its value sets the property, help).
/// </summary>
internal static class ServerOptionTable
{
    /// <summary>A fresh set of the options (System.CommandLine options belong to the one command they are added to).</summary>
    public static IReadOnlyList<OptionBinding> Create() =>
    [
        Number("--port", "TM_PORT", 0, 65535, (o, v) => o with { Port = v },
            "N", $"TCP port; 0 picks a free one [default: {ServerOptions.DefaultPort}]"),
        Value("--host", "TM_HOST", (o, v) => o with { Host = v },
            "ADDR", "Address to bind; * or 0.0.0.0 to serve the network [default: 127.0.0.1]"),
        Value("--data-dir", "TM_DATA_DIR", (o, v) => o with { DataDirectory = v },
            "DIR", "Where tm.db lives; created on first start [default: ~/.local/share/tm]"),
        Value("--store", "TM_STORE", (o, v) => o with { Store = v },
            "URL", "Keep the memories in PostgreSQL: postgres://user[:password]@host[:port]/db or Host=…;Database=… [default: SQLite tm.db in the data directory]"),
        Value("--seeds-dir", "TM_SEEDS_DIR", (o, v) => o with { SeedsDirectory = v },
            "DIR", "Documents that fill an empty default memory [default: seeds/ found upwards from the working directory]"),
        Flag("--no-seeds", "TM_NO_SEEDS", (o, v) => o with { SkipSeeds = v },
            "Leave an empty default memory empty"),
        Value("--tls-certificate", "TM_TLS_CERTIFICATE", (o, v) => o with { TlsCertificatePath = v },
            "FILE.pfx", "Serve TLS with this PKCS#12 file [default: cleartext HTTP/2]"),
        Value("--tls-password", "TM_TLS_PASSWORD", (o, v) => o with { TlsCertificatePassword = v },
            "PASSWORD", "Password of the certificate file (visible to ps: prefer --tls-password-file)"),
        Value("--tls-password-file", "TM_TLS_PASSWORD_FILE", (o, v) => o with { TlsCertificatePasswordFile = v },
            "FILE", "A file holding the certificate's password (one line)"),
        Number("--http-port", "TM_HTTP_PORT", 0, 65535, (o, v) => o with { HttpPort = v },
            "N", "A second, cleartext HTTP/1.1 port for the HTTP/JSON routes and the web UI; 0 picks a free one [default: none]"),
        Flag("--reflection", "TM_REFLECTION", (o, v) => o with { Reflection = v },
            "Answer gRPC server reflection [default: true on loopback, false otherwise]"),
        Flag("--index-snapshots", "TM_INDEX_SNAPSHOTS", (o, v) => o with { IndexSnapshots = v },
            "Keep index snapshots in tm.db-index/ so starts need not analyze every text [default: true]"),
        Number("--search-refresh-seconds", "TM_SEARCH_REFRESH_SECONDS", 1, 3_600, (o, v) => o with { SearchRefreshInterval = TimeSpan.FromSeconds(v) },
            "N", "While a bulk import runs, how often concordance catches up with it (the import completes only when all of it is searchable) [default: 30]"),
        Number("--metrics-port", "TM_METRICS_PORT", 0, 65535, (o, v) => o with { MetricsPort = v },
            "N", "A separate port serving Prometheus metrics at /metrics; 0 picks a free one [default: none]"),
        Value("--admin-key-file", "TM_ADMIN_KEY_FILE", (o, v) => o with { AdminKeyFile = v },
            "FILE", "On a server without API keys, the first admin key: this file's first line [default: loopback open to local clients; made and shown once on a network]"),
        // The key itself, for containers that pass secrets in the environment (TM_ADMIN_KEY); hidden, since on the command
        // line it would show in ps.
        Value("--admin-key", "TM_ADMIN_KEY", (o, v) => o with { AdminSecret = v },
            "KEY", "The first admin key itself", hidden: true),
        Flag("--allow-insecure", "TM_ALLOW_INSECURE", (o, v) => o with { AllowInsecure = v },
            "Serve an address other than loopback without TLS (behind a proxy that terminates TLS) [default: refused]"),
        // No variable: one left set would restore the backup again at every start.
        Value("--restore", null, (o, v) => o with { RestoreFrom = v },
            "FILE", "Before opening the database, put this backup in place of tm.db (which is kept aside); for one start"),
        // For tests, not in the README: small batches give a small file many commit points; quick snapshot checks.
        Number("--import-batch-size", "TM_IMPORT_BATCH_SIZE", 1, 100_000, (o, v) => o with { ImportBatchSize = v },
            "N", "Units per transaction of a file import", hidden: true),
        Number("--snapshot-check-seconds", "TM_SNAPSHOT_CHECK_SECONDS", 1, 86_400, (o, v) => o with { SnapshotCheckInterval = TimeSpan.FromSeconds(v) },
            "N", "How often to look for memories whose snapshot imports made stale", hidden: true),
        Number("--snapshot-min-changes", "TM_SNAPSHOT_MIN_CHANGES", 1, int.MaxValue, (o, v) => o with { SnapshotMinChanges = v },
            "N", "Segments an import must change before a snapshot is saved while running", hidden: true),
    ];
}
