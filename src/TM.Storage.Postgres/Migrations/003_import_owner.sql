-- Which server runs an import. Every open store takes a number from server_ids and holds a session advisory lock on
-- it (ServerPresence) for as long as it is open: an import whose status is 'running' runs while its owner's lock is
-- held, and reads as interrupted once that server is gone (stopped, killed, or cut off from the database), without a
-- heartbeat and without a starting server marking other servers' imports interrupted.
CREATE SEQUENCE server_ids;
ALTER TABLE imports ADD COLUMN owner bigint NOT NULL DEFAULT 0;
