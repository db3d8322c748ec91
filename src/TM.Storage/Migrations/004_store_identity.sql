-- A random number that tells this database file from any other: the server keeps caches beside the file (index
-- snapshots) that are valid for one file at one memory generation, and a file replaced by another one (a restored
-- backup, a new database under the old name) can reach the same generation with other contents.
INSERT INTO store_state (name, value) VALUES ('store_id', random());
