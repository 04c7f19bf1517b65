-- H2 has no text-search vector: the library searches search_text with LIKE there (io.stride.library.internal.Components).
-- Nothing to add; the version is kept so that both databases count the same migrations.
SELECT 1;
