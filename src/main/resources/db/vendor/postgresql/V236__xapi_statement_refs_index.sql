-- Statements that refer to another (StatementRef objects, voiding statements among them) in stored order: the
-- filters of GET /xapi/statements also return them when the statement they refer to matches. They are few, so the
-- partial index is small and costs nothing on the ingest of other statements.
CREATE INDEX statements_refs_stored ON statements (stored_at, id) WHERE object_id LIKE 'StatementRef %';
