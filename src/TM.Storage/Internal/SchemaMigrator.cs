using System.Reflection;
using Microsoft.Data.Sqlite;

namespace TM.Storage.Internal;

/// <summary>
/// Brings a database file to the newest schema by running the embedded <c>Migrations/NNN_*.sql</c>
/// scripts whose number is above <c>PRAGMA user_version</c>, each in its own transaction.
/// </summary>
internal static class SchemaMigrator
{
    public static void Migrate(SqliteConnection connection)
    {
        // Scripts that fill a new column from existing rows (003's ko_hash, en_hash) call the store's own code.
        connection.CreateFunction("tm_text_hash", (string text) => TextHash.Compute(text), isDeterministic: true);
        var current = Convert.ToInt32(Execute(connection, null, "PRAGMA user_version;"));
        foreach (var (version, script) in Scripts())
        {
            if (version <= current)
                continue;
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, script);
            // PRAGMA does not take parameters; version is an int parsed from our own resource name.
            Execute(connection, transaction, $"PRAGMA user_version = {version};");
            transaction.Commit();
        }
    }

    /// <summary>The schema version the newest script brings a file to.</summary>
    public static int LatestVersion => ScriptNames().Max(n => n.Version);

    private static IEnumerable<(int Version, string Script)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        foreach (var (version, name) in ScriptNames())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }

    // The embedded Migrations/NNN_*.sql, in order, with the number each brings the schema to.
    private static IEnumerable<(int Version, string Name)> ScriptNames()
    {
        const string prefix = "TM.Storage.Migrations.";
        var names = typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name[prefix.Length..];
            yield return (int.Parse(file[..file.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture), name);
        }
    }

    private static object? Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
