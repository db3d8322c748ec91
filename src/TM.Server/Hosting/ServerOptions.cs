namespace TM.Server.Hosting;

/// <summary>
/// Where the server listens and keeps its data. Each setting comes from the command line
/// (<c>--port 5171</c>), else the environment (<c>TM_PORT</c>), else the default: see
/// <see cref="CommandLine.ServerCommandLine"/>, and <see cref="CommandLine.ServerOptionTable"/> for the options.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Port used when neither <c>--port</c> nor <c>TM_PORT</c> is given.</summary>
    public const int DefaultPort = 5171;

    /// <summary>TCP port; 0 picks a free one (the tests do that). Default 5171.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Address to bind. Default 127.0.0.1: loopback only, nothing is exposed unless asked for.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>
    /// Directory of the SQLite file <c>tm.db</c>; created on first start. Default: <c>tm</c> in the user's local
    /// data folder (<c>$XDG_DATA_HOME/tm</c>, usually <c>~/.local/share/tm</c>), so the memory does not depend on
    /// the directory the server happens to be started from.
    /// </summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory;

    /// <summary>The default of <see cref="DataDirectory"/>.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "tm");

    /// <summary>Directory whose <c>*.txt</c> documents fill an empty default memory; null = look for <c>seeds/</c> upwards from the working directory.</summary>
    public string? SeedsDirectory { get; init; }

    /// <summary>When true, an empty default memory stays empty.</summary>
    public bool SkipSeeds { get; init; }

    /// <summary>
    /// A second port, cleartext HTTP/1.1, for the HTTP/JSON routes (browsers, <c>curl</c> without
    /// <c>--http2-prior-knowledge</c>); null (the default) opens none. Kestrel cannot serve HTTP/1.1 and prior-knowledge
    /// HTTP/2 on one cleartext port, so the main port speaks HTTP/2 only unless it has TLS, where ALPN serves both.
    /// <c>--http-port</c> or <c>TM_HTTP_PORT</c>; 0 picks a free one.
    /// </summary>
    public int? HttpPort { get; init; }

    /// <summary>
    /// A separate cleartext HTTP/1.1 port that serves the server's metrics for Prometheus at <c>/metrics</c> and nothing
    /// else; null (the default) opens none and collects nothing. <c>--metrics-port</c> or <c>TM_METRICS_PORT</c>; 0 picks a free one.
    /// </summary>
    public int? MetricsPort { get; init; }

    /// <summary>
    /// Whether the gRPC server reflection service answers (grpcurl, Postman, Evans and Kreya discover the API with it).
    /// Null (the default) means on when the server binds a loopback address only, off when it serves the network.
    /// <c>--reflection true|false</c> or <c>TM_REFLECTION</c>.
    /// </summary>
    public bool? Reflection { get; init; }

    /// <summary>True when <see cref="Host"/> is a loopback address (127.0.0.1, ::1, localhost).</summary>
    public bool IsLoopback => Host is "localhost" || (System.Net.IPAddress.TryParse(Host, out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>Whether reflection is served: <see cref="Reflection"/> when given, else <see cref="IsLoopback"/>.</summary>
    public bool ServesReflection => Reflection ?? IsLoopback;

    /// <summary>
    /// Serve an address other than loopback without TLS (<c>--allow-insecure</c>): refused by default, since keys and
    /// translations would cross the network in clear. For a server behind a TLS-terminating proxy.
    /// </summary>
    public bool AllowInsecure { get; init; }

    /// <summary>
    /// The secret of the admin key a server without keys creates at start (from <c>--admin-key-file FILE</c>, or
    /// <c>TM_ADMIN_KEY</c>); null lets the server decide (see <see cref="Security.ApiKeyRegistry.Bootstrap"/>).
    /// </summary>
    public string? AdminSecret { get; init; }

    /// <summary>The file <see cref="AdminSecret"/> is read from (its first line) by <see cref="Validate"/>; null when none is given.</summary>
    public string? AdminKeyFile { get; init; }

    /// <summary>PKCS#12 certificate file for TLS; null serves HTTP/2 in cleartext (h2c).</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>Password of the TLS certificate file, if it has one (<c>--tls-password</c>, <c>TM_TLS_PASSWORD</c>).</summary>
    public string? TlsCertificatePassword { get; init; }

    /// <summary>
    /// A file whose first line is the TLS certificate's password (<c>--tls-password-file</c>,
    /// <c>TM_TLS_PASSWORD_FILE</c>), so the password is not on a command line that <c>ps</c> shows; null for none.
    /// </summary>
    public string? TlsCertificatePasswordFile { get; init; }

    /// <summary>
    /// A backup (from <c>tm backup</c>, or a <c>tm.db</c> copied after a clean stop) to put in place of the database
    /// before it is opened (<c>--restore</c>); the database it replaces is kept aside. Null (the default) restores
    /// nothing. No environment variable: one left set would restore the backup again at every start.
    /// </summary>
    public string? RestoreFrom { get; init; }

    /// <summary>
    /// The PostgreSQL database that holds the memories (<c>--store</c>, <c>TM_STORE</c>): a URL
    /// (<c>postgres://user[:password]@host[:port]/database</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>).
    /// Null (the default) keeps them in SQLite, <see cref="DatabasePath"/>. Either way the data directory holds this
    /// server's local caches (search index, index snapshots) and its lock.
    /// </summary>
    public string? Store { get; init; }

    /// <summary>Units per transaction of a file import (ImportFile, ImportTmx); the API documents 5,000.</summary>
    public const int DefaultImportBatchSize = 5_000;

    /// <summary>
    /// Units per transaction of a file import. Default <see cref="DefaultImportBatchSize"/>; not in the README: smaller
    /// batches only make sense for tests that want many commit points in a small file (<c>--import-batch-size</c>).
    /// </summary>
    public int ImportBatchSize { get; init; } = DefaultImportBatchSize;

    /// <summary>
    /// Whether the fuzzy indexes are saved beside the database (<c>tm.db-index/</c>) at shutdown and after a start that
    /// had to rebuild them, so the next start loads them instead of analyzing every text. Default true;
    /// <c>--index-snapshots false</c> or <c>TM_INDEX_SNAPSHOTS=false</c> turns it off (every start rebuilds).
    /// </summary>
    public bool IndexSnapshots { get; init; } = true;

    /// <summary>How often the server looks for memories whose index snapshot an import has made stale. Default 30 s.</summary>
    public TimeSpan SnapshotCheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Segments an import must have changed (and at least a tenth of the memory) before the server saves the memory's
    /// snapshot while running. Default 50,000; not in the README: tests lower it (<c>--snapshot-min-changes</c>, with
    /// <c>--snapshot-check-seconds</c>) to reach that path with a few pairs.
    /// </summary>
    public int SnapshotMinChanges { get; init; } = 50_000;

    /// <summary>
    /// During a bulk load (an import's batches, a backlog), how often the search index is reopened so that concordance
    /// sees the pairs committed so far, while no call waits on it. Default 30 s. An import still reports completed only
    /// once everything it stored is searchable, and edits are searchable when their call returns, whatever this is;
    /// <c>--search-refresh-seconds</c> or <c>TM_SEARCH_REFRESH_SECONDS</c> only sets how far concordance may trail an
    /// import that is still running. Each reopen flushes the index's buffers into a new segment, which costs CPU the
    /// import shares (README, import figures).
    /// </summary>
    public TimeSpan SearchRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Full path of the SQLite database file; on the PostgreSQL store, what the local caches beside it are named after.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "tm.db"));

    /// <summary>Checks what no single option can: the options taken together.</summary>
    /// <exception cref="ArgumentException">Two options contradict each other; the message names them.</exception>
    internal ServerOptions Validate()
    {
        if (TlsCertificatePassword is not null && TlsCertificatePasswordFile is not null)
            throw new ArgumentException("The TLS password is given twice: use --tls-password (TM_TLS_PASSWORD) or --tls-password-file (TM_TLS_PASSWORD_FILE), not both.");
        if (AdminSecret is not null && AdminKeyFile is not null)
            throw new ArgumentException("The admin key is given twice: use --admin-key-file (TM_ADMIN_KEY_FILE) or TM_ADMIN_KEY, not both.");
        return AdminKeyFile is null ? this : this with { AdminSecret = ReadAdminKeyFile(AdminKeyFile) };
    }

    // The admin secret from its file: its first line, so a trailing newline does not count.
    private static string ReadAdminKeyFile(string file)
    {
        try
        {
            return File.ReadLines(file).FirstOrDefault()?.Trim() is { Length: > 0 } secret
                ? secret
                : throw new ArgumentException($"The admin key file '{file}' (--admin-key-file or TM_ADMIN_KEY_FILE) is empty.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"The admin key file '{file}' (--admin-key-file or TM_ADMIN_KEY_FILE) cannot be read: {e.Message}", e);
        }
    }
}
