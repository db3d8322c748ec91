using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TM.Storage;

// Concordance: the FTS5 trigram index, filled behind the writes up to a watermark, plus a scan above it.
public sealed partial class SegmentStore
{
    private const string Watermark = "(SELECT value FROM store_state WHERE name = 'fts_watermark')";

    /// <summary>
    /// Finds segments whose text contains <paramref name="term"/> (case-insensitive for Latin letters), including
    /// segments the concordance index has not reached yet (see <see cref="IndexConcordanceBacklog"/>).
    /// </summary>
    /// <param name="memoryId">The memory to search.</param>
    /// <param name="term">The term; must not be empty.</param>
    /// <param name="side">The side to search, or null for both.</param>
    /// <param name="maxHits">The most hits to return.</param>
    public ConcordanceResult Concordance(long memoryId, string term, SegmentSide? side, int maxHits)
    {
        ArgumentException.ThrowIfNullOrEmpty(term);
        ArgumentOutOfRangeException.ThrowIfNegative(maxHits);
        using var connection = OpenConnection();
        if (term.Length < 3)
        {
            // A term shorter than three characters has no trigram, so it is found by scanning the memory (fine up
            // to ~10^5 segments; see README).
            return RunConcordance(connection, Contains("s", side), memoryId, maxHits, ("$term", term));
        }

        // Trigram FTS5 answers a term of three characters or more for the rows up to the watermark; the rows above
        // it (the backlog of a bulk import) are scanned, through segments_by_memory's (memory_id, id) prefix. The
        // watermark is read inside the statement, so both halves see the same snapshot even while the indexer runs.
        var column = side switch { SegmentSide.Korean => "ko : ", SegmentSide.English => "en : ", _ => "" };
        var match = column + "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var where =
            "s.id IN (SELECT rowid FROM segments_fts WHERE segments_fts MATCH $match " +
            $"UNION ALL SELECT u.id FROM segments u WHERE u.memory_id = $memory AND u.id > {Watermark} AND {Contains("u", side)})";
        return RunConcordance(connection, where, memoryId, maxHits, ("$match", match), ("$term", term));
    }

    /// <summary>
    /// Adds up to <paramref name="maxRows"/> of the oldest segments not yet in the concordance index to it, in one
    /// transaction, and returns how many it added: 0 when the index is complete. Bulk imports leave the index
    /// behind so that they run at full speed; the server calls this from a background loop.
    /// </summary>
    /// <remarks>
    /// Holds the write gate while it runs: steps of 5,000-20,000 rows keep the imports waiting behind it to a
    /// fraction of a second. Concordance is correct at any point; only its speed depends on the backlog.
    /// </remarks>
    public int IndexConcordanceBacklog(int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            long count, last;
            using (var command = Command(_writer.Connection, transaction,
                $"SELECT count(*), max(id) FROM (SELECT id FROM segments WHERE id > {Watermark} ORDER BY id LIMIT $limit);",
                ("$limit", maxRows)))
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                count = reader.GetInt64(0);
                last = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
            }
            if (count == 0)
                return 0;
            // One statement for the whole step: FTS5 collects the postings of every row in memory and writes them as
            // one segment, where the old per-row trigger paid a statement and a posting-list update per row.
            _writer.Scalar(transaction,
                $"INSERT INTO segments_fts (rowid, ko, en) SELECT id, ko, en FROM segments WHERE id > {Watermark} AND id <= $last ORDER BY id;",
                ("$last", last));
            _writer.Scalar(transaction, "UPDATE store_state SET value = $last WHERE name = 'fts_watermark';", ("$last", last));
            transaction.Commit();
            return (int)count;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>How many segments (of all memories) the concordance index has not reached yet.</summary>
    public long CountConcordanceBacklog()
    {
        using var connection = OpenConnection();
        return Convert.ToInt64(Scalar(connection, null, $"SELECT count(*) FROM segments WHERE id > {Watermark};"), CultureInfo.InvariantCulture);
    }

    // Substring test matching the trigram tokenizer's case folding for ASCII; lower() folds nothing else, so a
    // non-ASCII capital (É) found by the index in an indexed row is missed by the scan. Hangul has no case.
    private static string Contains(string alias, SegmentSide? side) => side switch
    {
        SegmentSide.Korean => $"instr(lower({alias}.ko), lower($term)) > 0",
        SegmentSide.English => $"instr(lower({alias}.en), lower($term)) > 0",
        _ => $"(instr(lower({alias}.ko), lower($term)) > 0 OR instr(lower({alias}.en), lower($term)) > 0)",
    };

    private ConcordanceResult RunConcordance(SqliteConnection connection, string where, long memoryId, int maxHits, params (string Name, object Value)[] termParameters)
    {
        var total = Convert.ToInt32(Scalar(connection, null,
            $"SELECT count(*) FROM segments s WHERE s.memory_id = $memory AND {where};",
            [("$memory", memoryId), .. termParameters]), CultureInfo.InvariantCulture);
        using var command = Command(connection, null,
            $"{SelectColumns} WHERE s.memory_id = $memory AND {where} ORDER BY s.id LIMIT $limit;",
            [("$memory", memoryId), ("$limit", maxHits), .. termParameters]);
        using var reader = command.ExecuteReader();
        var hits = new List<StoredSegment>();
        while (reader.Read())
            hits.Add(ReadSegment(reader));
        return new ConcordanceResult(hits, total);
    }
}
