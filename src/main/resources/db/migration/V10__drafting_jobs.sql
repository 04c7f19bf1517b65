-- Drafting runs in the background while the page shows its progress; the state lives here so that any node
-- can answer the page's polling.
CREATE TABLE draft_jobs (
    id          VARCHAR(36)   PRIMARY KEY,
    owner_id    VARCHAR(36)   NOT NULL,
    stage       VARCHAR(200)  NOT NULL,
    step        INTEGER       NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    draft_id    VARCHAR(36),
    error       VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX draft_jobs_owner ON draft_jobs (owner_id, created_at);
