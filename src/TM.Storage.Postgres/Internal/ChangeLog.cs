using System.Globalization;
using Npgsql;

namespace TM.Storage.Postgres.Internal;

/// <summary>Appends to the change log (table <c>changes</c>) inside a writer's transaction, and tells listeners once it commits.</summary>
/// <remarks>
/// An identity column hands out numbers when rows are inserted, not when they commit: two writers appending at once
/// could commit 8 before 7, and a replica that had read up to 8 would never see 7. So appending takes a transaction
/// advisory lock, held to the commit: log ids commit in their order. Writers to different memories wait for each
/// other only from the append to their commit (a batch's segment writes come after it, so that they can carry the
/// batch's change number as their version).
/// </remarks>
internal static class ChangeLog
{
    /// <summary>The channel of the NOTIFY sent with every commit that appends; its payload is the commit's last change id.</summary>
    public const string Channel = "tm_changes";

    // The key of the append lock: "TMchange" in ASCII.
    private const long AppendLock = 0x544D_6368_616E_6765;

    /// <summary>
    /// Appends one entry per segment (in the order given), NOTIFYs <see cref="Channel"/> (delivered at commit) and returns
    /// the last entry's id; with no segments, appends nothing and returns the log's last id.
    /// </summary>
    public static long Append(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, IReadOnlyList<long> segmentIds, IReadOnlyList<string> kinds)
    {
        if (segmentIds.Count == 0)
            return Lock(connection, transaction);
        return Appended(connection, transaction,
            "SELECT @memory, u.segment, u.kind FROM unnest(@segments, @kinds) WITH ORDINALITY AS u(segment, kind, n) ORDER BY u.n",
            ("memory", memoryId), ("segments", segmentIds.ToArray()), ("kinds", kinds.ToArray()));
    }

    /// <summary>
    /// Appends a delete for every segment of the memory, in id order, inside the database (a memory of a million pairs
    /// never passes through this process), and NOTIFYs like <see cref="Append"/>; returns the log's last id.
    /// </summary>
    public static long AppendDeletesOf(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId) =>
        Appended(connection, transaction, "SELECT memory_id, id, 'delete' FROM segments WHERE memory_id = @memory ORDER BY id", ("memory", memoryId));

    // Takes the append lock, then inserts what the SELECT gives; NOTIFYs when it gave anything.
    private static long Appended(NpgsqlConnection connection, NpgsqlTransaction transaction, string select, params (string Name, object? Value)[] parameters)
    {
        var before = Lock(connection, transaction);
        var last = Sql.Scalar(connection, transaction,
            $"WITH added AS (INSERT INTO changes (memory_id, segment_id, kind) {select} RETURNING id) SELECT max(id) FROM added;", parameters) as long?;
        if (last is null)
            return before;
        Sql.Scalar(connection, transaction, "SELECT pg_notify(@channel, @payload);",
            ("channel", Channel), ("payload", last.Value.ToString(CultureInfo.InvariantCulture)));
        return last.Value;
    }

    // The append lock, held to the end of the transaction; returns the log's last id as the lock finds it.
    private static long Lock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Sql.Scalar(connection, transaction, $"SELECT pg_advisory_xact_lock({AppendLock.ToString(CultureInfo.InvariantCulture)});");
        return Last(connection, transaction);
    }

    /// <summary>The id of the last committed entry; 0 for an empty log.</summary>
    public static long Last(NpgsqlConnection connection, NpgsqlTransaction? transaction) =>
        (long)Sql.Scalar(connection, transaction, "SELECT coalesce(max(id), 0) FROM changes;")!;
}
