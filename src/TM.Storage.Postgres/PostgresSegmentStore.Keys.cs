using Npgsql;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>API keys: stored by the hash of their secret, found by it, listed and revoked by name.</content>
public sealed partial class PostgresSegmentStore
{
    private const string KeyColumns = "SELECT name, role, memories, created_utc, created_by, revoked_utc FROM api_keys";

    /// <summary>Stores a new key.</summary>
    /// <param name="secretHash">The SHA-256 of the key's secret; the secret itself is never stored.</param>
    /// <param name="key">Its name, role and memories; <see cref="ApiKeyRecord.Created"/> and <see cref="ApiKeyRecord.Revoked"/> are ignored.</param>
    /// <returns>The key as stored, with its creation time.</returns>
    /// <exception cref="InvalidOperationException">A key of that name, or with that secret, exists already; nothing is stored.</exception>
    public ApiKeyRecord CreateKey(ReadOnlySpan<byte> secretHash, ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // To the microsecond, as timestamptz keeps it, so that the record returned equals the one read back.
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        using var connection = _dataSource.OpenConnection();
        try
        {
            Sql.Scalar(connection, null,
                "INSERT INTO api_keys (name, secret_hash, role, memories, created_utc, created_by) VALUES (@name, @hash, @role, @memories, @now, @by);",
                ("name", key.Name), ("hash", secretHash.ToArray()), ("role", key.Role), ("memories", string.Join('\n', key.Memories)),
                ("now", Sql.Utc(now)), ("by", key.CreatedBy));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation) // the name (or, by a 2^-256 chance, the hash) is taken
        {
            throw new InvalidOperationException($"A key named '{key.Name}' exists already; keys keep their names, even revoked ones.", e);
        }
        return key with { Created = now, Revoked = null };
    }

    /// <summary>The key whose secret hashes to <paramref name="secretHash"/>, revoked or not; null when there is none.</summary>
    public ApiKeyRecord? FindKey(ReadOnlySpan<byte> secretHash)
    {
        using var connection = _dataSource.OpenConnection();
        return ReadKeys(connection, " WHERE secret_hash = @hash;", ("hash", secretHash.ToArray())).SingleOrDefault();
    }

    /// <summary>Every key, oldest first, revoked ones included.</summary>
    public IReadOnlyList<ApiKeyRecord> ListKeys()
    {
        using var connection = _dataSource.OpenConnection();
        return ReadKeys(connection, " ORDER BY id;");
    }

    /// <summary>Whether any key exists, revoked or not: a server with none may serve loopback without keys.</summary>
    public bool HasKeys()
    {
        using var connection = _dataSource.OpenConnection();
        return Sql.Scalar(connection, null, "SELECT EXISTS (SELECT 1 FROM api_keys);") is true;
    }

    /// <summary>Revokes the key called <paramref name="name"/> (a revoked key stays revoked, at its first revocation).</summary>
    /// <returns>The key as it is now; null when there is no such key.</returns>
    public ApiKeyRecord? RevokeKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var connection = _dataSource.OpenConnection();
        Sql.Scalar(connection, null, "UPDATE api_keys SET revoked_utc = @now WHERE name = @name AND revoked_utc IS NULL;",
            ("now", DateTime.UtcNow), ("name", name));
        return ReadKeys(connection, " WHERE name = @name;", ("name", name)).SingleOrDefault();
    }

    private static List<ApiKeyRecord> ReadKeys(NpgsqlConnection connection, string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Sql.Command(connection, null, KeyColumns + where, parameters);
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKeyRecord>();
        while (reader.Read())
        {
            var memories = reader.GetString(2);
            keys.Add(new ApiKeyRecord(reader.GetString(0), reader.GetString(1), memories.Length == 0 ? [] : memories.Split('\n'),
                Sql.Time(reader, 3), reader.GetString(4), reader.IsDBNull(5) ? null : Sql.Time(reader, 5)));
        }
        return keys;
    }
}
