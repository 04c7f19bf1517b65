-- H2 has no partial indexes; the object index serves the StatementRef look-up there (see the PostgreSQL version).
SELECT 1;
