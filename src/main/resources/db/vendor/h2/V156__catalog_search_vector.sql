-- H2 (the embedded database for trying Stride out) has no text-search vector: the catalogue searches search_text
-- with LIKE there (io.stride.catalog.internal.CatalogEntries). Titles are compared on their own for relevance.
CREATE INDEX catalog_entries_by_title ON catalog_entries (title_lower);
