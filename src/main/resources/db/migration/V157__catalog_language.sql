-- The language of a live course's text (a BCP 47 tag such as "en" or "de"), as drafting's detector tells it, for
-- the catalogue's language filter. Entries written before this column are given theirs at the next start-up.
ALTER TABLE catalog_entries ADD COLUMN language VARCHAR(12);
CREATE INDEX catalog_entries_by_language ON catalog_entries (language);
