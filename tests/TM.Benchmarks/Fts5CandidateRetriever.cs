using System.Text;
using Microsoft.Data.Sqlite;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// Candidate retrieval the way fuzzy matching on SQLite is usually built: the OR of the query's character
/// trigrams against the FTS5 trigram table, the best <c>C</c> rows by bm25, their texts to be verified by the
/// scorer. bm25 rewards sharing rare trigrams, not being few edits away, which is why this can miss the best match.
/// </summary>
/// <remarks>Queries the store's own schema (<c>segments</c> and <c>segments_fts</c>, migration 001). Not thread-safe: one connection, one prepared statement.</remarks>
internal sealed class Fts5CandidateRetriever : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _korean;
    private readonly SqliteCommand _english;

    public Fts5CandidateRetriever(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        _connection.Open();
        // FTS5's best case: its whole index in SQLite's page cache and the file memory-mapped, as a tuned
        // server would run it, so the comparison measures the query plan rather than disk reads.
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -524288; PRAGMA mmap_size = 2147483648;";
            pragma.ExecuteNonQuery();
        }
        _korean = Prepare("ko");
        _english = Prepare("en");
    }

    /// <summary>Runs the candidate query; <paramref name="onCandidate"/> gets the row id and the text of the searched side.</summary>
    /// <returns>The number of candidates.</returns>
    public int Retrieve(string query, SegmentSide side, int limit, Action<long, string> onCandidate)
    {
        var match = MatchExpression(query);
        if (match is null)
            return 0;
        var command = side == SegmentSide.Korean ? _korean : _english;
        command.Parameters["$match"].Value = match;
        command.Parameters["$limit"].Value = limit;
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            onCandidate(reader.GetInt64(0), reader.GetString(1));
            count++;
        }
        return count;
    }

    /// <summary>
    /// <c>"abc" OR "bcd" OR …</c>: every distinct trigram of the lower-cased query that holds a letter or digit,
    /// each quoted as an FTS5 string; null when there is none (a query under three characters).
    /// </summary>
    public static string? MatchExpression(string query)
    {
        var text = query.ToLowerInvariant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var match = new StringBuilder(text.Length * 8);
        for (var i = 0; i + 3 <= text.Length; i++)
        {
            var trigram = text.Substring(i, 3);
            if (!trigram.Any(char.IsLetterOrDigit) || trigram.Any(char.IsSurrogate) || !seen.Add(trigram))
                continue;
            if (match.Length > 0)
                match.Append(" OR ");
            match.Append('"').Append(trigram.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return match.Length == 0 ? null : match.ToString();
    }

    public void Dispose()
    {
        _korean.Dispose();
        _english.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string column)
    {
        var command = _connection.CreateCommand();
        // The column filter keeps a Korean query from ranking by the English side, and ORDER BY rank LIMIT is
        // FTS5's documented fast path for top-N by bm25. The texts come along: the scorer needs them.
        command.CommandText =
            $"SELECT s.id, s.{column} FROM (SELECT rowid AS id, rank FROM segments_fts WHERE segments_fts MATCH '{column} : (' || $match || ')' " +
            "ORDER BY rank LIMIT $limit) AS c JOIN segments s ON s.id = c.id ORDER BY c.rank;";
        command.Parameters.Add("$match", SqliteType.Text);
        command.Parameters.Add("$limit", SqliteType.Integer);
        command.Prepare();
        return command;
    }
}
