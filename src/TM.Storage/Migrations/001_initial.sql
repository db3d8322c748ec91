-- Schema version 1. Applied once, inside a transaction, by SchemaMigrator.

CREATE TABLE memories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_utc TEXT NOT NULL
);

-- One row per import (a document, or one ImportSegments stream): what came in and what it added.
CREATE TABLE imports (
    id            INTEGER PRIMARY KEY,
    memory_id     INTEGER NOT NULL REFERENCES memories(id),
    kind          TEXT NOT NULL,           -- 'document' or 'segments'
    name          TEXT NOT NULL,
    pairs_stored  INTEGER NOT NULL,
    pairs_skipped INTEGER NOT NULL,
    created_utc   TEXT NOT NULL
);

-- A segment is one aligned Korean-English pair. pair_hash (128 bits of SHA-256 over "ko\0en")
-- makes re-imports idempotent without a second full copy of both texts in a UNIQUE index.
CREATE TABLE segments (
    id             INTEGER PRIMARY KEY,
    memory_id      INTEGER NOT NULL REFERENCES memories(id),
    ko             TEXT NOT NULL,
    en             TEXT NOT NULL,
    pair_hash      BLOB NOT NULL,
    origin         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    confidence     REAL NOT NULL DEFAULT 1.0,
    low_confidence INTEGER NOT NULL DEFAULT 0,
    import_id      INTEGER REFERENCES imports(id),
    created_utc    TEXT NOT NULL,
    UNIQUE (memory_id, pair_hash)
);

-- Concordance: trigram FTS5 answers LIKE '%term%' from the index for terms of three characters or
-- more; shorter terms (common in Korean: 휴전, 소련) fall back to a scan.
CREATE VIRTUAL TABLE segments_fts USING fts5(
    ko, en, content = 'segments', content_rowid = 'id', tokenize = 'trigram case_sensitive 0'
);

CREATE TRIGGER segments_fts_insert AFTER INSERT ON segments BEGIN
    INSERT INTO segments_fts(rowid, ko, en) VALUES (new.id, new.ko, new.en);
END;

CREATE TRIGGER segments_fts_delete AFTER DELETE ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, ko, en) VALUES ('delete', old.id, old.ko, old.en);
END;

CREATE TRIGGER segments_fts_update AFTER UPDATE OF ko, en ON segments BEGIN
    INSERT INTO segments_fts(segments_fts, rowid, ko, en) VALUES ('delete', old.id, old.ko, old.en);
    INSERT INTO segments_fts(rowid, ko, en) VALUES (new.id, new.ko, new.en);
END;
