namespace TM.Storage.Internal;

/// <summary>
/// The one SELECT of a segment's record (<see cref="SegmentRecord"/>): the pair, where it lives, and who wrote it when.
/// Columns 0-8 are the pair, 9-17 the record, 18 the fields.
/// </summary>
/// <remarks>
/// Who wrote a pair is the API key's name, stored with the row. A server without keys stores nothing there, and the
/// record says what made the pair instead, from its import: "aligner" for a document the server aligned, "import:" and
/// the file's name for the others, and for the changer the same while the pair is unchanged since. Derived here rather
/// than stored: "import:" and a file name on every row cost 90 MB at a million pairs (import-searchable, tm.db 638 →
/// 733 MiB), for the same few strings.
/// </remarks>
internal static class RecordQuery
{
    private const string CreatedBy =
        "CASE WHEN s.created_by <> '' THEN s.created_by WHEN i.kind = 'document' THEN 'aligner' WHEN i.id IS NOT NULL THEN 'import:' || i.name ELSE '' END";

    private const string Columns =
        "SELECT s.id, s.ko, s.en, s.origin, s.note, s.confidence, s.low_confidence, s.ko_markup, s.en_markup, " +
        "s.memory_id, coalesce(s.import_id, 0), s.created_utc, s.changed_utc, " + CreatedBy + ", " +
        "CASE WHEN s.changed_by <> '' OR s.changed_utc <> s.created_utc THEN s.changed_by ELSE " + CreatedBy + " END, " +
        "s.change_seq, s.usage_count, s.last_used_utc, s.fields FROM segments s ";

    /// <summary>The SELECT with <paramref name="indexHint"/> ("" or "INDEXED BY …") on the segments table, then <paramref name="rest"/> (WHERE, ORDER BY).</summary>
    public static string Of(string indexHint, string rest) =>
        Columns + indexHint + " LEFT JOIN imports i ON i.id = s.import_id " + rest;
}
