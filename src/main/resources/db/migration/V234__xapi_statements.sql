-- The LRS keeps its statements in the learning record's table (ADR 0029). An outside actor who is not a Stride person
-- has no actor_id; a voided statement stays, hidden from queries; client_id is the LRS client that wrote it (NULL for
-- Stride's own). Longer statements, verbs and objects than Stride writes itself arrive from outside tools.
ALTER TABLE statements ALTER COLUMN actor_id DROP NOT NULL;
ALTER TABLE statements ALTER COLUMN statement SET DATA TYPE VARCHAR(1000000);
ALTER TABLE statements ALTER COLUMN verb SET DATA TYPE VARCHAR(1000);
ALTER TABLE statements ALTER COLUMN object_id SET DATA TYPE VARCHAR(1000);
ALTER TABLE statements ADD COLUMN voided BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE statements ADD COLUMN client_id VARCHAR(36);

-- Every agent and activity a statement names beyond its own columns, for the agent, activity, related_agents and
-- related_activities filters; direct = the actor or the object itself.
CREATE TABLE xapi_statement_agents (
    statement_id VARCHAR(36)   NOT NULL,
    agent_key    VARCHAR(1000) NOT NULL,
    direct       BOOLEAN       NOT NULL
);
CREATE TABLE xapi_statement_activities (
    statement_id VARCHAR(36)   NOT NULL,
    activity_id  VARCHAR(1000) NOT NULL,
    direct       BOOLEAN       NOT NULL
);

-- Attachments' bytes, stored once by their SHA-2 however many statements carry them.
CREATE TABLE xapi_attachments (
    sha2         VARCHAR(128) PRIMARY KEY,
    content_type VARCHAR(255) NOT NULL,
    content      BYTEA        NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
