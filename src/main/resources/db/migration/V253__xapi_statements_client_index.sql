-- statements/read/mine (every cmi5 session credential has it) reads a client's own statements newest first: without
-- this index each such GET walked the whole table's stored order to find the few rows the client wrote
CREATE INDEX statements_client_stored ON statements (client_id, stored_at, id);
