-- PostgreSQL only. The text-search parser reads "64951-391" as the number 64951 and the negative number -391, and
-- "follow-up" as one word with two parts, while a search splits its words at every sign that is not a letter or a
-- digit: a course whose text held "Sprint 12-b" was not found by "12-b". The vector now reads the text with hyphens,
-- slashes, dots, underscores, apostrophes and @ taken as spaces, as the search does.
DROP INDEX catalog_entries_search;
ALTER TABLE catalog_entries DROP COLUMN search_vector;
ALTER TABLE catalog_entries
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', regexp_replace(search_text, '[-/._''’@]+', ' ', 'g'))) STORED;
CREATE INDEX catalog_entries_search ON catalog_entries USING GIN (search_vector);
