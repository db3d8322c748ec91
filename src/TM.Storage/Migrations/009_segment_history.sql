-- Schema version 9: the previous versions of edited segments.
--
-- Before a commit changes or deletes a pair (a reviewer's UpdateSegment or DeleteSegment, or an OVERWRITE import), the
-- pair as it stood is copied here with its version (the change_seq that wrote it) and who wrote it when, plus when and
-- by whom it was replaced. A reviewer sees what a pair said before a correction; nothing here is read by lookups.
CREATE TABLE segment_history (
    segment_id   INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    memory_id    INTEGER NOT NULL,
    ko           TEXT NOT NULL,
    en           TEXT NOT NULL,
    changed_utc  TEXT NOT NULL,
    changed_by   TEXT NOT NULL,
    replaced_utc TEXT NOT NULL,
    replaced_by  TEXT NOT NULL,
    deleted      INTEGER NOT NULL,
    PRIMARY KEY (segment_id, version)
) WITHOUT ROWID;
CREATE INDEX segment_history_by_memory ON segment_history (memory_id);
