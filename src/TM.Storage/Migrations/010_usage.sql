-- Schema version 10: how often translators used a pair.
--
-- A CAT tool confirms a match when the translator accepts it (ConfirmUse): the pair's usage_count goes up by one and
-- last_used_utc records when. Neither is content: they do not move the pair's version (change_seq) or its memory's
-- generation, so a confirmation never aborts a reviewer's edit and never makes an index snapshot stale.
ALTER TABLE segments ADD COLUMN usage_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE segments ADD COLUMN last_used_utc TEXT NOT NULL DEFAULT '';
