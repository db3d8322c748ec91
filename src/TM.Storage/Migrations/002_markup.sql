-- Schema version 2. Inline markup of TMX imports: the texts hold one private-use placeholder (U+E000 + i) per
-- inline tag, and these columns hold the tags themselves (a JSON array, written and read by the server's
-- InlineMarkupJson), so an export writes back the <bpt>/<ph>/... that were imported. Empty for plain text.
ALTER TABLE segments ADD COLUMN ko_markup TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN en_markup TEXT NOT NULL DEFAULT '';
