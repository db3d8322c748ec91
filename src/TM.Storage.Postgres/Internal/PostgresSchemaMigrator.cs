using System.Globalization;
using Npgsql;

namespace TM.Storage.Postgres.Internal;

/// <summary>
/// Brings a PostgreSQL database to the newest schema: runs the embedded <c>Migrations/NNN_*.sql</c> above the highest
/// version in <c>schema_version</c>, all in one transaction under an advisory lock, so that servers starting at once
/// on one database migrate it once (the others wait, then find nothing to do).
/// </summary>
internal static class PostgresSchemaMigrator
{
    // The key of the migration lock, shared by every TM server: "TMschema" in ASCII.
    private const long MigrationLock = 0x544D_5363_6865_6D61;
    private const string Prefix = "TM.Storage.Postgres.Migrations.";

    /// <summary>The schema version the newest script brings a database to.</summary>
    public static int LatestVersion => Scripts().Max(s => s.Version);

    public static void Migrate(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock.ToString(CultureInfo.InvariantCulture)});");
        Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_utc timestamptz NOT NULL DEFAULT now());");
        var current = Convert.ToInt32(Execute(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version;"), CultureInfo.InvariantCulture);
        var latest = LatestVersion;
        if (current > latest)
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this server's {latest}: it was written by a newer version of TM. Upgrade this server.");
        foreach (var (version, name) in Scripts())
        {
            if (version <= current)
                continue;
            Execute(connection, transaction, Read(name));
            Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({version.ToString(CultureInfo.InvariantCulture)});");
        }
        transaction.Commit();
    }

    // The embedded scripts, in order, with the version each brings the schema to.
    private static IEnumerable<(int Version, string Name)> Scripts() =>
        typeof(PostgresSchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (int.Parse(n.AsSpan(Prefix.Length, n.IndexOf('_', Prefix.Length) - Prefix.Length), CultureInfo.InvariantCulture), n));

    private static string Read(string name)
    {
        using var stream = typeof(PostgresSchemaMigrator).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static object? Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        return command.ExecuteScalar();
    }
}
