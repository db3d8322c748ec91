using Npgsql;

namespace TM.Storage.Postgres.Internal;

/// <summary>Commands with named parameters (<c>@name</c>) on a connection, inside a transaction or not.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            if (value is NpgsqlParameter typed)
            {
                typed.ParameterName = name;
                command.Parameters.Add(typed);
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
        return command;
    }

    public static object? Scalar(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>A parameter of a declared type, for a value that may be null: PostgreSQL infers no type for an untyped NULL.</summary>
    public static NpgsqlParameter Typed(NpgsqlTypes.NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };

    /// <summary>A time as PostgreSQL's timestamptz takes it (UTC).</summary>
    public static DateTime Utc(DateTimeOffset time) => time.UtcDateTime;

    /// <summary>A timestamptz read back, in UTC.</summary>
    public static DateTimeOffset Time(NpgsqlDataReader reader, int column) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(column), DateTimeKind.Utc));
}
