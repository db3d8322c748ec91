-- Schema version 2 of the PostgreSQL store: the termbase of each memory, as SQLite's migration 012 keeps it (see that
-- file for what each column means). The differences:
--   id           an identity: its sequence never hands a number out twice, so an id is never reused after a delete
--                (SQLite needs AUTOINCREMENT for that).
--   memory_id    a foreign key with ON DELETE CASCADE; DeleteMemory deletes the memory's terms in its transaction
--                as well. Checking it costs a lookup per entry, nothing next to a segment import (termbases hold tens
--                of thousands of entries, not millions).
--   *_utc        timestamptz (microseconds), as everywhere in this schema.
-- The list columns hold the same JSON text as SQLite's (TM.Storage's TermListColumn), so a filter matches alike.
CREATE TABLE terms (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    memory_id         bigint NOT NULL REFERENCES memories(id) ON DELETE CASCADE,
    korean            text NOT NULL,
    english           text NOT NULL,
    korean_variants   text NOT NULL DEFAULT '',
    english_variants  text NOT NULL DEFAULT '',
    forbidden_korean  text NOT NULL DEFAULT '',
    forbidden_english text NOT NULL DEFAULT '',
    part_of_speech    text NOT NULL DEFAULT '',
    note              text NOT NULL DEFAULT '',
    source            text NOT NULL DEFAULT '',
    created_utc       timestamptz NOT NULL,
    created_by        text NOT NULL DEFAULT '',
    changed_utc       timestamptz NOT NULL,
    changed_by        text NOT NULL DEFAULT '',
    version           bigint NOT NULL DEFAULT 1
);
-- A memory holds each term pair once; an import of an entry it has already merges into it (AddTerms).
CREATE UNIQUE INDEX terms_by_pair ON terms (memory_id, korean, english);
-- A memory's entries in id order: ListTerms' pages and ReadTerms.
CREATE INDEX terms_by_memory ON terms (memory_id, id);
