-- Schema version 12: a termbase per memory (Trados MultiTerm's and memoQ's term bases, one per memory here).
--
-- One row per concept entry, Korean-English:
--   id                 the entry's id; AUTOINCREMENT so that an id is never reused after a delete (a client holding
--                      an old id and version must not update another entry that took the id).
--   memory_id          the memory the entry belongs to; SegmentStore.DeleteMemory deletes the memory's terms in its
--                      transaction (as it deletes its segments), and ON DELETE CASCADE says the same to the write
--                      connection, which runs with foreign_keys on.
--   korean, english    the approved (preferred) term of each language, plain text; one of them may be '' (a one-sided
--                      entry: a name whose translation nobody has settled yet), never both.
--   korean_variants, english_variants
--                      admitted variants (other spellings and forms a translator may use), a JSON array of strings,
--                      '' for none, as segments.fields keeps its values (migration 011).
--   forbidden_korean, forbidden_english
--                      deprecated or superseded forms that must not be used ("Staline" for Stalin), JSON as above.
--   part_of_speech     TBX-Basic's picklist value (noun, verb, adjective, adverb, properNoun, other) or ''.
--   note               free text for the translator (a definition, a usage note), '' for none.
--   source             where the term comes from: a reference, a file imported, "extracted" for an accepted
--                      suggestion, '' when unknown.
--   created_utc, changed_utc
--                      ISO 8601 in UTC, as everywhere in this file.
--   created_by, changed_by
--                      the API key's name that wrote the entry; '' on a server without keys.
--   version            1 when added, one more at every change: an update or delete names the version it read and is
--                      refused when another writer changed the entry since (the segments' optimistic concurrency).
--
-- (memory_id, korean, english) is unique: a memory holds each term pair once, and an import of an entry the memory
-- has already merges into it (SegmentStore.AddTerms). The same index answers the memory's list in order of its
-- prefix, and a memory's terms by id come from the primary key with memory_id checked (termbases are small next to
-- segments: tens of thousands of rows).
CREATE TABLE terms (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    memory_id         INTEGER NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
    korean            TEXT NOT NULL,
    english           TEXT NOT NULL,
    korean_variants   TEXT NOT NULL DEFAULT '',
    english_variants  TEXT NOT NULL DEFAULT '',
    forbidden_korean  TEXT NOT NULL DEFAULT '',
    forbidden_english TEXT NOT NULL DEFAULT '',
    part_of_speech    TEXT NOT NULL DEFAULT '',
    note              TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    created_utc       TEXT NOT NULL,
    created_by        TEXT NOT NULL DEFAULT '',
    changed_utc       TEXT NOT NULL,
    changed_by        TEXT NOT NULL DEFAULT '',
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX terms_by_pair ON terms (memory_id, korean, english);
CREATE INDEX terms_by_memory ON terms (memory_id, id);
