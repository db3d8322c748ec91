using Microsoft.Data.Sqlite;
using TM.Storage.Internal;

namespace TM.Storage;

/// <content>The termbase of each memory: entries added one at a time or imported in one transaction, read, paged, edited and deleted.</content>
public sealed partial class SegmentStore
{
    private const string TermColumns =
        "SELECT id, memory_id, korean, english, korean_variants, english_variants, forbidden_korean, forbidden_english, " +
        "part_of_speech, note, source, created_utc, created_by, changed_utc, changed_by, version FROM terms ";

    // LIKE's own wildcards in a filter are matched as themselves.
    private const string TermFilter =
        "($filter = '' OR korean LIKE $pattern ESCAPE '\\' OR english LIKE $pattern ESCAPE '\\' " +
        "OR korean_variants LIKE $pattern ESCAPE '\\' OR english_variants LIKE $pattern ESCAPE '\\')";

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
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (FindTermId(transaction, memoryId, term.Korean, term.English) is { } existing)
                throw new DuplicateTermException($"The termbase holds '{TermRules.Describe(term)}' already, as entry {existing}: update that entry to change it.");
            id = InsertTerm(transaction, memoryId, term, Now(), author);
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
        return GetTerm(memoryId, id)!;
    }

    /// <summary>
    /// Adds many entries to the termbase of <paramref name="memoryId"/> in one transaction: all of them or, when one is
    /// refused, none. An entry whose Korean and English terms the termbase (or an earlier entry of
    /// <paramref name="terms"/>) holds already is merged into the stored one, as MultiTerm's "merge" and memoQ's
    /// "merge entries" import do: its variants and forbidden forms are added to the stored ones, and its part of
    /// speech, note and source fill those the stored entry lacks (a value the stored entry has is kept, so an import
    /// never overwrites a reviewer's note). An entry that brings nothing new is skipped.
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
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            var now = Now();
            foreach (var term in terms)
            {
                position++;
                TermRules.Check(term, position);
                if (FindTermId(transaction, memoryId, term.Korean, term.English) is not { } id)
                {
                    InsertTerm(transaction, memoryId, term, now, author);
                    added++;
                    continue;
                }
                var stored = ReadTerm(_writer.Connection, transaction, memoryId, id)!;
                var merged = Merge(stored.Content, term);
                if (TermRules.SameContent(merged, stored.Content))
                {
                    skipped++;
                    continue;
                }
                WriteTerm(transaction, id, merged, now, author);
                updated++;
            }
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
        return new TermImportCounts(added, updated, skipped);
    }

    /// <summary>One entry of the termbase of <paramref name="memoryId"/>; null when it holds no entry <paramref name="id"/>.</summary>
    public TermRecord? GetTerm(long memoryId, long id)
    {
        using var connection = OpenConnection();
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
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (TermVersion(transaction, memoryId, id) is not { } version)
                return null;
            if (version != expectedVersion)
                throw new TermConflictException($"Term entry {id} has changed since version {expectedVersion} (it is at version {version}): read it again and redo the change on what it says now.", version);
            if (FindTermId(transaction, memoryId, term.Korean, term.English) is { } other && other != id)
                throw new DuplicateTermException($"The termbase holds '{TermRules.Describe(term)}' already, as entry {other}: change that entry, or delete one of the two.");
            WriteTerm(transaction, id, term, Now(), author);
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
        return GetTerm(memoryId, id);
    }

    /// <summary>Deletes entry <paramref name="id"/> of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <returns>False when the termbase has no such entry.</returns>
    /// <exception cref="TermConflictException">The entry changed since that version.</exception>
    public bool DeleteTerm(long memoryId, long id, long expectedVersion)
    {
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (TermVersion(transaction, memoryId, id) is not { } version)
                return false;
            if (version != expectedVersion)
                throw new TermConflictException($"Term entry {id} has changed since version {expectedVersion} (it is at version {version}): read it again before deleting it.", version);
            _writer.Scalar(transaction, "DELETE FROM terms WHERE id = $id;", ("$id", id));
            transaction.Commit();
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// A page of the termbase of <paramref name="memoryId"/> in id order (oldest first): at most <paramref name="limit"/>
    /// entries with an id above <paramref name="afterId"/> whose Korean or English term or variant contains
    /// <paramref name="filter"/> (case-insensitive for Latin letters; empty for every entry).
    /// </summary>
    public IReadOnlyList<TermRecord> ListTerms(long memoryId, string filter, long afterId, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = OpenConnection();
        using var command = Command(connection, null,
            TermColumns + "INDEXED BY terms_by_memory WHERE memory_id = $memory AND id > $after AND " + TermFilter + " ORDER BY id LIMIT $limit;",
            ("$memory", memoryId), ("$after", afterId), ("$filter", filter), ("$pattern", TermRules.ContainsPattern(filter)), ("$limit", limit));
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
        using var connection = OpenConnection();
        return (long)Scalar(connection, null, "SELECT count(*) FROM terms WHERE memory_id = $memory AND " + TermFilter + ";",
            ("$memory", memoryId), ("$filter", filter), ("$pattern", TermRules.ContainsPattern(filter)))!;
    }

    /// <summary>Streams every entry of the termbase of <paramref name="memoryId"/> in id order (for an export, or to build a recognizer).</summary>
    public IEnumerable<TermRecord> ReadTerms(long memoryId)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, TermColumns + "INDEXED BY terms_by_memory WHERE memory_id = $memory ORDER BY id;", ("$memory", memoryId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadTerm(reader);
    }

    /// <summary>The stored entry with the memory's new values merged in (see <see cref="AddTerms"/>).</summary>
    internal static TermContent Merge(TermContent stored, TermContent incoming) => stored with
    {
        KoreanVariants = Union(stored.KoreanVariants, incoming.KoreanVariants, stored.Korean),
        EnglishVariants = Union(stored.EnglishVariants, incoming.EnglishVariants, stored.English),
        ForbiddenKorean = Union(stored.ForbiddenKorean, incoming.ForbiddenKorean, stored.Korean),
        ForbiddenEnglish = Union(stored.ForbiddenEnglish, incoming.ForbiddenEnglish, stored.English),
        PartOfSpeech = stored.PartOfSpeech.Length > 0 ? stored.PartOfSpeech : incoming.PartOfSpeech,
        Note = stored.Note.Length > 0 ? stored.Note : incoming.Note,
        Source = stored.Source.Length > 0 ? stored.Source : incoming.Source,
    };

    private static IReadOnlyList<string> Union(IReadOnlyList<string> stored, IReadOnlyList<string> incoming, string approved)
    {
        List<string>? union = null;
        foreach (var form in incoming)
        {
            if (form == approved || stored.Contains(form, StringComparer.Ordinal) || (union?.Contains(form, StringComparer.Ordinal) ?? false))
                continue;
            union ??= [.. stored];
            union.Add(form);
        }
        return union ?? stored;
    }

    private long? FindTermId(SqliteTransaction transaction, long memoryId, string korean, string english) =>
        _writer.Scalar(transaction, "SELECT id FROM terms WHERE memory_id = $memory AND korean = $ko AND english = $en;",
            ("$memory", memoryId), ("$ko", korean), ("$en", english)) as long?;

    private long? TermVersion(SqliteTransaction transaction, long memoryId, long id) =>
        _writer.Scalar(transaction, "SELECT version FROM terms WHERE id = $id AND memory_id = $memory;", ("$id", id), ("$memory", memoryId)) as long?;

    private long InsertTerm(SqliteTransaction transaction, long memoryId, TermContent term, string now, string author) =>
        (long)_writer.Scalar(transaction,
            "INSERT INTO terms (memory_id, korean, english, korean_variants, english_variants, forbidden_korean, forbidden_english, " +
            "part_of_speech, note, source, created_utc, created_by, changed_utc, changed_by, version) " +
            "VALUES ($memory, $ko, $en, $koVariants, $enVariants, $koForbidden, $enForbidden, $pos, $note, $source, $now, $author, $now, $author, 1) RETURNING id;",
            [("$memory", memoryId), .. ContentParameters(term), ("$now", now), ("$author", author)])!;

    private void WriteTerm(SqliteTransaction transaction, long id, TermContent term, string now, string author) =>
        _writer.Scalar(transaction,
            "UPDATE terms SET korean = $ko, english = $en, korean_variants = $koVariants, english_variants = $enVariants, " +
            "forbidden_korean = $koForbidden, forbidden_english = $enForbidden, part_of_speech = $pos, note = $note, source = $source, " +
            "changed_utc = $now, changed_by = $author, version = version + 1 WHERE id = $id;",
            [("$id", id), .. ContentParameters(term), ("$now", now), ("$author", author)]);

    private static (string Name, object Value)[] ContentParameters(TermContent term) =>
    [
        ("$ko", term.Korean), ("$en", term.English),
        ("$koVariants", TermListColumn.Write(term.KoreanVariants)), ("$enVariants", TermListColumn.Write(term.EnglishVariants)),
        ("$koForbidden", TermListColumn.Write(term.ForbiddenKorean)), ("$enForbidden", TermListColumn.Write(term.ForbiddenEnglish)),
        ("$pos", term.PartOfSpeech), ("$note", term.Note), ("$source", term.Source),
    ];

    private static TermRecord? ReadTerm(SqliteConnection connection, SqliteTransaction? transaction, long memoryId, long id)
    {
        using var command = Command(connection, transaction, TermColumns + "WHERE id = $id AND memory_id = $memory;", ("$id", id), ("$memory", memoryId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadTerm(reader) : null;
    }

    private static TermRecord ReadTerm(SqliteDataReader reader) => new(
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
        ParseTime(reader.GetString(11)),
        reader.GetString(12),
        ParseTime(reader.GetString(13)),
        reader.GetString(14),
        reader.GetInt64(15));
}
