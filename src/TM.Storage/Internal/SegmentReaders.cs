using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace TM.Storage.Internal;

/// <summary>
/// Reads segments by id on read connections kept open with the statement prepared: every Lookup reads its hits this
/// way. Opening a pooled connection and preparing an <c>IN (…)</c> query per call cost about 80 µs for five hits, as
/// much as the fuzzy search itself on a 100,000-segment memory; a prepared point read costs a few microseconds.
/// </summary>
/// <remarks>
/// Each reader serves one caller at a time; idle ones wait in a bag, at most <see cref="MaxIdle"/> of them, and a burst
/// beyond that opens more and closes them after. Every read is its own implicit transaction (the statement is reset
/// after each row), so a reader never holds back a WAL checkpoint and always sees the last commit.
/// </remarks>
internal sealed class SegmentReaders(string connectionString) : IDisposable
{
    private static readonly string Select = RecordQuery.Of("", "WHERE s.id = ?1;");

    private static readonly int MaxIdle = Environment.ProcessorCount * 4;

    private readonly ConcurrentBag<Reader> _idle = [];
    private int _idleCount;
    private bool _disposed;

    /// <summary>The segments with these ids, in their order; ids that do not exist are left out.</summary>
    public IReadOnlyList<StoredSegment> Read(IReadOnlyList<long> ids)
    {
        var reader = Rent();
        try
        {
            var segments = new List<StoredSegment>(ids.Count);
            foreach (var id in ids)
            {
                if (reader.Statement.ReadById(id) is { } segment)
                    segments.Add(segment);
            }
            Return(reader);
            return segments;
        }
        catch
        {
            // A reader that failed mid-read is not trusted again.
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The records of the segments with these ids, in their order; ids that do not exist are left out.</summary>
    public IReadOnlyList<SegmentRecord> ReadRecords(IReadOnlyList<long> ids)
    {
        var reader = Rent();
        try
        {
            var records = new List<SegmentRecord>(ids.Count);
            foreach (var id in ids)
            {
                if (reader.Statement.ReadRecordById(id) is { } record)
                    records.Add(record);
            }
            Return(reader);
            return records;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
            reader.Dispose();
    }

    private Reader Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var reader))
        {
            Interlocked.Decrement(ref _idleCount);
            return reader;
        }
        return new Reader(connectionString);
    }

    private void Return(Reader reader)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
            return;
        }
        _idle.Add(reader);
    }

    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            Statement = new PointRead(new NativeStatement(_connection, Select));
        }

        public PointRead Statement { get; }

        public void Dispose()
        {
            Statement.Dispose();
            _connection.Dispose();
        }
    }

    private sealed class PointRead(NativeStatement statement) : IDisposable
    {
        public StoredSegment? ReadById(long id)
        {
            statement.Bind(1, id);
            if (!statement.Read())
                return null;
            try
            {
                return Segment();
            }
            finally
            {
                statement.Reset();
            }
        }

        public SegmentRecord? ReadRecordById(long id)
        {
            statement.Bind(1, id);
            if (!statement.Read())
                return null;
            try
            {
                return new SegmentRecord(Segment(), statement.GetInt64(9), statement.GetInt64(10),
                    SegmentStore.ParseTime(statement.GetString(11)), SegmentStore.ParseTime(statement.GetString(12)),
                    statement.GetString(13), statement.GetString(14))
                {
                    Version = statement.GetInt64(15),
                    UsageCount = statement.GetInt64(16),
                    LastUsed = SegmentStore.ParseOptionalTime(statement.GetString(17)),
                };
            }
            finally
            {
                statement.Reset();
            }
        }

        private StoredSegment Segment() => new(
            statement.GetInt64(0), statement.GetString(1), statement.GetString(2), statement.GetString(3), statement.GetString(4),
            statement.GetDouble(5), statement.GetInt64(6) != 0, statement.GetString(7), statement.GetString(8))
        {
            Fields = FieldsColumn.ReadValues(statement.GetString(18)),
        };

        public void Dispose() => statement.Dispose();
    }
}
