-- Schema version 6: API keys, and who wrote what.
--
-- A key is stored as the SHA-256 of its secret, never the secret: a copy of the file gives no way in. Names are what
-- logs and records show. memories lists the memories a key may use, one name per line (names hold no control
-- characters); empty means all of them.
CREATE TABLE api_keys (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    secret_hash BLOB NOT NULL UNIQUE,
    role        TEXT NOT NULL,              -- read, write, admin
    memories    TEXT NOT NULL DEFAULT '',
    created_utc TEXT NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    revoked_utc TEXT
);

-- The name of the key that made the import, and of the key that created or last changed each segment (an
-- OVERWRITE changes it); empty for writes made before keys existed or on a server without keys. Adding a column
-- with a constant default only changes the schema: no row is rewritten, whatever the table's size.
ALTER TABLE imports ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
