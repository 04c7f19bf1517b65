-- PostgreSQL only (db/vendor/{vendor}): the catalogue's words as a text-search vector with a GIN index, so that a
-- search reads the index instead of every course's text. The 'simple' configuration lower-cases and keeps every word
-- (no stemming, no stop words): any language a course is written in is searched the same way.
ALTER TABLE catalog_entries
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX catalog_entries_search ON catalog_entries USING GIN (search_vector);
