-- Schema version 11: fields (TM attributes, as Trados and memoQ call them).
--
-- A memory defines its fields (journal, article, domain, reviewed…): memories.fields holds the definitions as JSON,
-- [{"name": "journal", "type": "text"}, {"name": "domain", "type": "picklist", "choices": ["war", "armistice"]}],
-- replaced as a whole with the memory's other settings. A pair's values are segments.fields, JSON pairs of name and
-- value in the definitions' order, [["journal", "군사연구"], ["domain", "war"]], a name repeated for several values;
-- '' for none. They travel with the row (a copy, an edit, the history), are read with it, and are filtered in the
-- search index (doc values), never in SQL, so no table or index of their own is needed here.
-- memories.penalty_fields are the memory's default field penalties, [["journal", "군사연구", 2]]; '' for none.
ALTER TABLE memories ADD COLUMN fields TEXT NOT NULL DEFAULT '';
ALTER TABLE memories ADD COLUMN penalty_fields TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN fields TEXT NOT NULL DEFAULT '';
ALTER TABLE segment_history ADD COLUMN fields TEXT NOT NULL DEFAULT '';
