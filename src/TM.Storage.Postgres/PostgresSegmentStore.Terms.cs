using System.Globalization;
using Npgsql;
using TM.Storage.Internal;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>The termbase of each memory: entries added one at a time or imported in one transaction, read, paged, edited and deleted.</content>
public sealed partial class PostgresSegmentStore
{
    private const string TermColumns =
        "SELECT id, memory_id, korean, english, korean_variants, english_variants, forbidden_korean, forbidden_english, " +
        "part_of_speech, note, source, created_utc, created_by, changed_utc, changed_by, version FROM terms ";

    // ILIKE where SQLite has LIKE: SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's ILIKE of every letter
    // (Korean has none; a Cyrillic or Greek term is the one place where the stores could differ). LIKE's own
    // wildcards in a filter are matched as themselves.
    private const string TermFilter =
        "(@filter = '' OR korean ILIKE @pattern ESCAPE '\\' OR english ILIKE @pattern ESCAPE '\\' " +
        "OR korean_variants ILIKE @pattern ESCAPE '\\' OR english_variants ILIKE @pattern ESCAPE '\\')";

    // The class key of the termbase writers' advisory locks ("TMtb"); the memory's id is the object key, so writers to
    // one termbase, on any server, take turns and writers to different termbases do not wait for each other.
    private const int TermLock = 0x544D_7462;

    /// <summary>Adds one entry to the termbase of <paramref name="memoryId"/>, written by <paramref name="author"/>.</summary>
    /// <returns>The entry as stored, at version 1.</returns>
    /// <exception cref="ArgumentException">Both approved terms are empty.</exception>
    /// <exception cref="DuplicateTermException">The termbase holds an entry with the same Korean and English terms.</exception>
    public TermRecord AddTerm(long memoryId, TermContent term, string author)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(author);
        TermRules.Check(term, null);
        long id;
        using (var connection = _dataSource.OpenConnection())
        using (var transaction = BeginTermWrite(connection, memoryId))
        {
            if (FindTermId(connection, transaction, memoryId, term.Korean, term.English) is { } existing)
                throw new DuplicateTermException($"The termbase holds '{TermRules.Describe(term)}' already, as entry {existing}: update that entry to change it.");
            id = InsertTerm(connection, transaction, memoryId, term, DateTime.UtcNow, author);
            transaction.Commit();
        }
        return GetTerm(memoryId, id)!;
    }

    /// <summary>
    /// Adds many entries to the termbase of <paramref name="memoryId"/> in one transaction: all of them or, when one is
    /// refused, none. An entry whose Korean and English terms the termbase (or an earlier entry of
    /// <paramref name="terms"/>) holds already is merged into the stored one, as <see cref="SegmentStore.AddTerms"/>
    /// does: its variants and forbidden forms are added to the stored ones, and its part of speech, note and source
    /// fill those the stored entry lacks. An entry that brings nothing new is skipped.
    /// </summary>
    /// <param name="memoryId">The memory.</param>
    /// <param name="terms">The entries, validated by the caller.</param>
    /// <param name="author">The API key's name; empty when the server has no keys.</param>
    /// <exception cref="ArgumentException">An entry has neither a Korean nor an English term (its position is named).</exception>
    public TermImportCounts AddTerms(long memoryId, IEnumerable<TermContent> terms, string author)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(author);
        int added = 0, updated = 0, skipped = 0, position = 0;
        using var connection = _dataSource.OpenConnection();
        using var transaction = BeginTermWrite(connection, memoryId);
        var now = DateTime.UtcNow;
        foreach (var term in terms)
        {
            position++;
            TermRules.Check(term, position);
            if (FindTermId(connection, transaction, memoryId, term.Korean, term.English) is not { } id)
            {
                InsertTerm(connection, transaction, memoryId, term, now, author);
                added++;
                continue;
            }
            var stored = ReadTerm(connection, transaction, memoryId, id)!;
            var merged = SegmentStore.Merge(stored.Content, term);
            if (TermRules.SameContent(merged, stored.Content))
            {
                skipped++;
                continue;
            }
            WriteTerm(connection, transaction, id, merged, now, author);
            updated++;
        }
        transaction.Commit();
        return new TermImportCounts(added, updated, skipped);
    }

    /// <summary>One entry of the termbase of <paramref name="memoryId"/>; null when it holds no entry <paramref name="id"/>.</summary>
    public TermRecord? GetTerm(long memoryId, long id)
    {
        using var connection = _dataSource.OpenConnection();
        return ReadTerm(connection, null, memoryId, id);
    }

    /// <summary>
    /// Replaces what entry <paramref name="id"/> of <paramref name="memoryId"/> says, if it is still at
    /// <paramref name="expectedVersion"/>; its version moves on by one.
    /// </summary>
    /// <returns>The entry as stored now, or null when the termbase has no such entry.</returns>
    /// <exception cref="TermConflictException">The entry changed since that version.</exception>
    /// <exception cref="DuplicateTermException">Another entry holds the new Korean and English terms.</exception>
    public TermRecord? UpdateTerm(long memoryId, long id, TermContent term, long expectedVersion, string author)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(author);
        TermRules.Check(term, null);
        using (var connection = _dataSource.OpenConnection())
        using (var transaction = BeginTermWrite(connection, memoryId))
        {
            if (TermVersion(connection, transaction, memoryId, id) is not { } version)
                return null;
            if (version != expectedVersion)
                throw new TermConflictException($"Term entry {id} has changed since version {expectedVersion} (it is at version {version}): read it again and redo the change on what it says now.", version);
            if (FindTermId(connection, transaction, memoryId, term.Korean, term.English) is { } other && other != id)
                throw new DuplicateTermException($"The termbase holds '{TermRules.Describe(term)}' already, as entry {other}: change that entry, or delete one of the two.");
            WriteTerm(connection, transaction, id, term, DateTime.UtcNow, author);
            transaction.Commit();
        }
        return GetTerm(memoryId, id);
    }

    /// <summary>Deletes entry <paramref name="id"/> of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <returns>False when the termbase has no such entry.</returns>
    /// <exception cref="TermConflictException">The entry changed since that version.</exception>
    public bool DeleteTerm(long memoryId, long id, long expectedVersion)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = BeginTermWrite(connection, memoryId);
        if (TermVersion(connection, transaction, memoryId, id) is not { } version)
            return false;
        if (version != expectedVersion)
            throw new TermConflictException($"Term entry {id} has changed since version {expectedVersion} (it is at version {version}): read it again before deleting it.", version);
        Sql.Scalar(connection, transaction, "DELETE FROM terms WHERE id = @id;", ("id", id));
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// A page of the termbase of <paramref name="memoryId"/> in id order (oldest first): at most <paramref name="limit"/>
    /// entries with an id above <paramref name="afterId"/> whose Korean or English term or variant contains
    /// <paramref name="filter"/> (case-insensitive; empty for every entry).
    /// </summary>
    public IReadOnlyList<TermRecord> ListTerms(long memoryId, string filter, long afterId, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null,
            TermColumns + "WHERE memory_id = @memory AND id > @after AND " + TermFilter + " ORDER BY id LIMIT @limit;",
            ("memory", memoryId), ("after", afterId), ("filter", filter), ("pattern", TermRules.ContainsPattern(filter)), ("limit", limit));
        using var reader = command.ExecuteReader();
        var terms = new List<TermRecord>();
        while (reader.Read())
            terms.Add(ReadTerm(reader));
        return terms;
    }

    /// <summary>How many entries of the termbase of <paramref name="memoryId"/> pass <paramref name="filter"/> (as in <see cref="ListTerms"/>).</summary>
    public long CountTerms(long memoryId, string filter = "")
    {
        ArgumentNullException.ThrowIfNull(filter);
        using var connection = _dataSource.OpenConnection();
        return (long)Sql.Scalar(connection, null, "SELECT count(*) FROM terms WHERE memory_id = @memory AND " + TermFilter + ";",
            ("memory", memoryId), ("filter", filter), ("pattern", TermRules.ContainsPattern(filter)))!;
    }

    /// <summary>Streams every entry of the termbase of <paramref name="memoryId"/> in id order (for an export, or to build a recognizer).</summary>
    public IEnumerable<TermRecord> ReadTerms(long memoryId)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null, TermColumns + "WHERE memory_id = @memory ORDER BY id;", ("memory", memoryId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadTerm(reader);
    }

    // A transaction holding the termbase's advisory lock, so that the check for a duplicate and the write that follows
    // it see no other server's entry arrive in between.
    private static NpgsqlTransaction BeginTermWrite(NpgsqlConnection connection, long memoryId)
    {
        var transaction = connection.BeginTransaction();
        // Two memories whose ids agree in their low 32 bits share a lock: they only wait for each other.
        Sql.Scalar(connection, transaction, "SELECT pg_advisory_xact_lock(@class, @memory);", ("class", TermLock), ("memory", unchecked((int)memoryId)));
        return transaction;
    }

    private static long? FindTermId(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, string korean, string english) =>
        Sql.Scalar(connection, transaction, "SELECT id FROM terms WHERE memory_id = @memory AND korean = @ko AND english = @en;",
            ("memory", memoryId), ("ko", korean), ("en", english)) as long?;

    private static long? TermVersion(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, long id) =>
        Sql.Scalar(connection, transaction, "SELECT version FROM terms WHERE id = @id AND memory_id = @memory FOR UPDATE;",
            ("id", id), ("memory", memoryId)) as long?;

    private static long InsertTerm(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, TermContent term, DateTime now, string author)
    {
        try
        {
            return (long)Sql.Scalar(connection, transaction,
                "INSERT INTO terms (memory_id, korean, english, korean_variants, english_variants, forbidden_korean, forbidden_english, " +
                "part_of_speech, note, source, created_utc, created_by, changed_utc, changed_by, version) " +
                "VALUES (@memory, @ko, @en, @koVariants, @enVariants, @koForbidden, @enForbidden, @pos, @note, @source, @now, @author, @now, @author, 1) RETURNING id;",
                [("memory", memoryId), .. ContentParameters(term), ("now", now), ("author", author)])!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidOperationException($"There is no memory with id {memoryId.ToString(CultureInfo.InvariantCulture)} (it may have been deleted): the term is not stored.", e);
        }
    }

    private static void WriteTerm(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, TermContent term, DateTime now, string author) =>
        Sql.Scalar(connection, transaction,
            "UPDATE terms SET korean = @ko, english = @en, korean_variants = @koVariants, english_variants = @enVariants, " +
            "forbidden_korean = @koForbidden, forbidden_english = @enForbidden, part_of_speech = @pos, note = @note, source = @source, " +
            "changed_utc = @now, changed_by = @author, version = version + 1 WHERE id = @id;",
            [("id", id), .. ContentParameters(term), ("now", now), ("author", author)]);

    private static (string Name, object? Value)[] ContentParameters(TermContent term) =>
    [
        ("ko", term.Korean), ("en", term.English),
        ("koVariants", TermListColumn.Write(term.KoreanVariants)), ("enVariants", TermListColumn.Write(term.EnglishVariants)),
        ("koForbidden", TermListColumn.Write(term.ForbiddenKorean)), ("enForbidden", TermListColumn.Write(term.ForbiddenEnglish)),
        ("pos", term.PartOfSpeech), ("note", term.Note), ("source", term.Source),
    ];

    private static TermRecord? ReadTerm(NpgsqlConnection connection, NpgsqlTransaction? transaction, long memoryId, long id)
    {
        using var command = Sql.Command(connection, transaction, TermColumns + "WHERE id = @id AND memory_id = @memory;", ("id", id), ("memory", memoryId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadTerm(reader) : null;
    }

    private static TermRecord ReadTerm(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt64(1),
        new TermContent(reader.GetString(2), reader.GetString(3))
        {
            KoreanVariants = TermListColumn.Read(reader.GetString(4)),
            EnglishVariants = TermListColumn.Read(reader.GetString(5)),
            ForbiddenKorean = TermListColumn.Read(reader.GetString(6)),
            ForbiddenEnglish = TermListColumn.Read(reader.GetString(7)),
            PartOfSpeech = reader.GetString(8),
            Note = reader.GetString(9),
            Source = reader.GetString(10),
        },
        Sql.Time(reader, 11),
        reader.GetString(12),
        Sql.Time(reader, 13),
        reader.GetString(14),
        reader.GetInt64(15));
}
