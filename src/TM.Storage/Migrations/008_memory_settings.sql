-- Schema version 8: a memory is an object with settings of its own, not only a name.
--
-- description is free text for the people who use the memory. min_score and the three penalties are what a Lookup
-- into the memory uses when the request does not say; NULL means the server's default (min_score 50; penalties 1 for
-- multiple translations, 0 for aligner-made pairs, 1 for low-confidence ones), so a file upgraded from version 7 keeps
-- answering exactly as before.
ALTER TABLE memories ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE memories ADD COLUMN min_score REAL;
ALTER TABLE memories ADD COLUMN penalty_multiple_translations REAL;
ALTER TABLE memories ADD COLUMN penalty_aligned REAL;
ALTER TABLE memories ADD COLUMN penalty_low_confidence REAL;
