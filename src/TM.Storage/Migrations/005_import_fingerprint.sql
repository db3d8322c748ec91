-- What a resumed import checks before it skips what an earlier call committed: the caller's fingerprint of the input
-- it had consumed at source_position (0 = none recorded, as for every import before this column).
ALTER TABLE imports ADD COLUMN source_fingerprint INTEGER NOT NULL DEFAULT 0;
