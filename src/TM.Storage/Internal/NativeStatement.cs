using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TM.Storage.Internal;

/// <summary>
/// One prepared SQLite statement driven through SQLitePCLRaw on a connection's handle, for the bulk write path and
/// the point reads of every Lookup.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite allocates a UTF-8 array per string parameter and a data reader per execution; here a
/// row costs no allocation. Bindings survive <see cref="Reset"/>, so values shared by a whole batch are bound
/// once. Errors surface as <see cref="SqliteException"/>, as from the rest of the store.
/// </remarks>
internal sealed class NativeStatement : IDisposable
{
    private const uint PreparePersistent = 0x01;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private byte[] _scratch = new byte[4096];

    public NativeStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v3(_database, sql, PreparePersistent, out _statement));
    }

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    /// <summary>
    /// Binds text as UTF-8, transcoded here: binding UTF-16 left the conversion to SQLite's character-at-a-time
    /// loop, 10% of a bulk load's CPU in a profile; .NET's vectorised transcoder took 3.5%.
    /// </summary>
    public void Bind(int index, string value)
    {
        // SQLite copies the bytes (SQLITE_TRANSIENT), so one scratch buffer serves every parameter.
        // The exact count costs a pass over the text; the bound is free and small for sentence-sized texts.
        var length = value.Length <= 16_384 ? Encoding.UTF8.GetMaxByteCount(value.Length) : Encoding.UTF8.GetByteCount(value);
        if (length > _scratch.Length)
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, _scratch);
        Check(raw.sqlite3_bind_text(_statement, index, _scratch.AsSpan(0, written)));
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
                Check(rc);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps to the next row; false when there are no more (the statement is then reset).</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
            return true;
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
            Check(rc);
        return false;
    }

    /// <summary>Ends a read early, releasing the statement's hold on the snapshot.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public double GetDouble(int column) => raw.sqlite3_column_double(_statement, column);

    /// <summary>A text column as a string (empty for NULL).</summary>
    public string GetString(int column)
    {
        var bytes = GetUtf8(column);
        return bytes.IsEmpty ? "" : Encoding.UTF8.GetString(bytes);
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>The UTF-8 bytes of a text column, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _database);
    }
}
