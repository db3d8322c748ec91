using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TM.Server.Hosting;

/// <summary>
/// Where the server listens and keeps its data. Each setting comes from the command line
/// (<c>--port 5171</c>), else the environment (<c>TM_PORT</c>), else the default.
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

    /// <summary>PKCS#12 certificate file for TLS; null serves HTTP/2 in cleartext (h2c).</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>Password of the TLS certificate file, if it has one.</summary>
    public string? TlsCertificatePassword { get; init; }

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

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, "tm.db"));

    /// <summary>Reads the options from configuration (command line) and environment variables.</summary>
    public static ServerOptions From(IConfiguration commandLine, Func<string, string?> environment)
    {
        string? Get(string key, string variable) => commandLine[key] ?? environment(variable);

        // A whole number from min to max, or null when neither the option nor its variable is given.
        int? Number(string key, string variable, string what, int min, int max)
        {
            var text = Get(key, variable);
            if (text is null)
                return null;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                var range = max == int.MaxValue ? $"a whole number of at least {min}" : $"a number from {min} to {max}";
                throw new ArgumentException($"The {what} '{text}' is not {range} (--{key} or {variable}).");
            }
            return value;
        }

        var options = new ServerOptions();
        var reflection = Get("reflection", "TM_REFLECTION");
        if (reflection is not null && !bool.TryParse(reflection, out _))
            throw new ArgumentException($"The reflection setting '{reflection}' is not true or false (--reflection or TM_REFLECTION).");
        var checkSeconds = Number("snapshot-check-seconds", "TM_SNAPSHOT_CHECK_SECONDS", "snapshot check interval in seconds", 1, 86_400);
        return options with
        {
            Port = Number("port", "TM_PORT", "port", 0, 65535) ?? options.Port,
            HttpPort = Number("http-port", "TM_HTTP_PORT", "HTTP port", 0, 65535),
            MetricsPort = Number("metrics-port", "TM_METRICS_PORT", "metrics port", 0, 65535),
            Reflection = reflection is null ? null : bool.Parse(reflection),
            ImportBatchSize = Number("import-batch-size", "TM_IMPORT_BATCH_SIZE", "import batch size", 1, 100_000) ?? options.ImportBatchSize,
            SnapshotCheckInterval = checkSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.SnapshotCheckInterval,
            SnapshotMinChanges = Number("snapshot-min-changes", "TM_SNAPSHOT_MIN_CHANGES", "snapshot change threshold", 1, int.MaxValue) ?? options.SnapshotMinChanges,
            Host = Get("host", "TM_HOST") ?? options.Host,
            DataDirectory = Get("data-dir", "TM_DATA_DIR") ?? options.DataDirectory,
            SeedsDirectory = Get("seeds-dir", "TM_SEEDS_DIR"),
            SkipSeeds = string.Equals(Get("no-seeds", "TM_NO_SEEDS"), "true", StringComparison.OrdinalIgnoreCase),
            IndexSnapshots = !string.Equals(Get("index-snapshots", "TM_INDEX_SNAPSHOTS"), "false", StringComparison.OrdinalIgnoreCase),
            AllowInsecure = string.Equals(Get("allow-insecure", "TM_ALLOW_INSECURE"), "true", StringComparison.OrdinalIgnoreCase),
            AdminSecret = AdminSecretFrom(commandLine["admin-key-file"] ?? environment("TM_ADMIN_KEY_FILE"), environment("TM_ADMIN_KEY")),
            TlsCertificatePath = Get("tls-certificate", "TM_TLS_CERTIFICATE"),
            TlsCertificatePassword = Get("tls-password", "TM_TLS_PASSWORD"),
        };
    }

    // The admin secret from its file (its first line, so a trailing newline does not count) or from the variable.
    private static string? AdminSecretFrom(string? file, string? variable)
    {
        if (file is null)
            return string.IsNullOrWhiteSpace(variable) ? null : variable.Trim();
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
