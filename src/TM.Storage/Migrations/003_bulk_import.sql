-- Schema version 3: bulk import at 10^5 pairs/s, update policies, resumable imports.
--
-- 1. FTS5 leaves the write path. The insert trigger cost 250-400 µs per pair (trigram postings of ~300
--    characters); the concordance index is now filled behind the writes in bounded steps
--    (SegmentStore.IndexConcordanceBacklog), up to a watermark: rows with id <= fts_watermark are in
--    segments_fts, rows above it are found by scanning. Deleting or changing an indexed row must still take
--    its old postings out in the same transaction, so those two triggers stay, guarded by the watermark.
-- 2. pair_hash (a 16-byte SHA-256 prefix under a UNIQUE index) gives way to a 64-bit hash of each side,
--    computed by the store (tm_text_hash, registered by SchemaMigrator with the same function the store
--    uses). Equal texts are confirmed by comparing the texts, so a collision costs a read, never a wrong
--    answer. A random-keyed B-tree index on a hash dirties most of its leaf pages at every commit once it
--    outgrows the batch (4 KB per pair written to the WAL at 10^6 rows, measured at 35-75k pairs/s);
--    segments_by_memory is keyed by (memory_id, id) instead, so an insert appends at its right edge, and it
--    covers both hashes, from which the store builds its in-memory hash table of a memory's sources.
-- 3. Ids are assigned by the store from last_segment_id, so an id is never reused even when the newest row
--    is deleted: a reused id at or below the watermark would be taken for an indexed row.

DROP TRIGGER segments_fts_insert;
DROP TRIGGER segments_fts_delete;
DROP TRIGGER segments_fts_update;

CREATE TABLE segments_v3 (
    id             INTEGER PRIMARY KEY,
    memory_id      INTEGER NOT NULL REFERENCES memories(id),
    ko             TEXT NOT NULL,
    en             TEXT NOT NULL,
    ko_hash        INTEGER NOT NULL,
    en_hash        INTEGER NOT NULL,
    origin         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    confidence     REAL NOT NULL DEFAULT 1.0,
    low_confidence INTEGER NOT NULL DEFAULT 0,
    import_id      INTEGER REFERENCES imports(id),
    created_utc    TEXT NOT NULL,
    changed_utc    TEXT NOT NULL,
    ko_markup      TEXT NOT NULL DEFAULT '',
    en_markup      TEXT NOT NULL DEFAULT ''
);

INSERT INTO segments_v3 (id, memory_id, ko, en, ko_hash, en_hash, origin, note, confidence, low_confidence,
                         import_id, created_utc, changed_utc, ko_markup, en_markup)
SELECT id, memory_id, ko, en, tm_text_hash(ko), tm_text_hash(en), origin, note, confidence, low_confidence,
       import_id, created_utc, created_utc, ko_markup, en_markup
FROM segments;

DROP TABLE segments;
ALTER TABLE segments_v3 RENAME TO segments;

CREATE INDEX segments_by_memory ON segments (memory_id, id, ko_hash, en_hash);

-- Small named counters of the store. WITHOUT ROWID: a handful of rows looked up by name.
CREATE TABLE store_state (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

-- Every row that exists now was indexed by the old triggers.
INSERT INTO store_state (name, value) VALUES
    ('fts_watermark', coalesce((SELECT max(id) FROM segments), 0)),
    ('last_segment_id', coalesce((SELECT max(id) FROM segments), 0));

CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments
WHEN old.id <= (SELECT value FROM store_state WHERE name = 'fts_watermark')
BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, ko, en) VALUES ('delete', old.id, old.ko, old.en);
END;

CREATE TRIGGER segments_fts_update AFTER UPDATE OF ko, en ON segments
WHEN old.id <= (SELECT value FROM store_state WHERE name = 'fts_watermark')
BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, ko, en) VALUES ('delete', old.id, old.ko, old.en);
    INSERT INTO segments_fts(rowid, ko, en) VALUES (new.id, new.ko, new.en);
END;

-- Bumped by every write to a memory's segments: the store's in-memory hash table of a memory is valid only
-- for the generation it was built or last updated at (another process may have written since).
ALTER TABLE memories ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;

-- An import now spans many batches (transactions) and can be resumed after a crash.
ALTER TABLE imports ADD COLUMN status TEXT NOT NULL DEFAULT 'completed';  -- running, completed, failed, interrupted
ALTER TABLE imports ADD COLUMN policy TEXT NOT NULL DEFAULT 'add_alternative';  -- add_alternative, keep_existing, overwrite
ALTER TABLE imports ADD COLUMN source_side TEXT NOT NULL DEFAULT 'korean';
ALTER TABLE imports ADD COLUMN pairs_updated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN pairs_kept INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN pairs_removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN source_position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN batches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN updated_utc TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN completed_utc TEXT;
ALTER TABLE imports ADD COLUMN message TEXT NOT NULL DEFAULT '';

UPDATE imports SET updated_utc = created_utc, completed_utc = created_utc, batches = 1;
