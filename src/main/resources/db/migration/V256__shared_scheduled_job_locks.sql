-- ShedLock's table (ADR 0039): one row per scheduled job, held by the node running it until lock_until. The times are
-- the database's own (UTC on PostgreSQL), never a node's clock, so nodes whose clocks differ agree on who holds a job.
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at TIMESTAMP(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL
);
