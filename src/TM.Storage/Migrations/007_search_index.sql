-- Schema version 7: the concordance moves to a Lucene.Net index kept beside the file, and FTS5 goes.
--
-- 1. The FTS5 trigram table, its watermark and the triggers that kept indexed rows in step are dropped: the server's
--    search index (tm.db-lucene/) is built from this file and follows it through the change log below. A file
--    upgraded to version 7 has no search index yet, so the server builds one from every row at its first start.
-- 2. Every write that changes segments takes the next change_seq (one per transaction, from store_state) and stamps
--    the rows it inserts or overwrites with it; a row it deletes leaves its id in segment_tombstones under that seq.
--    The search index records the last change_seq it holds; whatever has a higher one is what it lacks, after a
--    crash as during an import. Tombstones the index has committed are pruned by it.
-- 3. segments_by_change is appended at its right edge by inserts (the seq only grows), so it costs an import
--    little; it turns "what changed after N" into a range read instead of a scan of the table.
DROP TRIGGER IF EXISTS segments_fts_delete;
DROP TRIGGER IF EXISTS segments_fts_update;
DROP TABLE IF EXISTS segments_fts;
DELETE FROM store_state WHERE name = 'fts_watermark';

ALTER TABLE segments ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX segments_by_change ON segments (change_seq);

CREATE TABLE segment_tombstones (
    change_seq INTEGER NOT NULL,
    id         INTEGER NOT NULL,
    PRIMARY KEY (change_seq, id)
) WITHOUT ROWID;

INSERT INTO store_state (name, value) VALUES ('change_seq', 0);
