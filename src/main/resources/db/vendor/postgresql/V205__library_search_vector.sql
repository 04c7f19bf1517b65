-- PostgreSQL only: the components' words as a text-search vector with a GIN index, read the way the catalogue reads
-- its own (V164: hyphens, slashes, dots, underscores, apostrophes and @ taken as spaces, 'simple' configuration).
ALTER TABLE library_components
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', regexp_replace(search_text, '[-/._''’@]+', ' ', 'g'))) STORED;
CREATE INDEX library_components_search ON library_components USING GIN (search_vector);
