-- A learner's attempts at a package item, with the run-time data the SCO saved. Completion and success only move
-- forward and the best score is kept, so a repeated or late commit never takes a completion back; suspend data and
-- location follow the newest commit (by the player's sequence number).
CREATE TABLE package_attempts (
    id             VARCHAR(36)   PRIMARY KEY,
    item_id        VARCHAR(36)   NOT NULL REFERENCES package_items (id) ON DELETE CASCADE,
    person_id      VARCHAR(36)   NOT NULL,
    course_id      VARCHAR(36)   NOT NULL,
    lesson_id      VARCHAR(36)   NOT NULL,
    attempt        INTEGER       NOT NULL,
    completion     VARCHAR(20)   NOT NULL,
    success        VARCHAR(20)   NOT NULL,
    score_scaled   DOUBLE PRECISION,
    score_raw      DOUBLE PRECISION,
    score_min      DOUBLE PRECISION,
    score_max      DOUBLE PRECISION,
    suspend_data   VARCHAR(64000),
    location       VARCHAR(1000),
    exit_mode      VARCHAR(20),
    total_seconds  DOUBLE PRECISION NOT NULL DEFAULT 0,
    last_sequence  BIGINT        NOT NULL DEFAULT 0,
    sessions       INTEGER       NOT NULL DEFAULT 0,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT package_attempts_once UNIQUE (item_id, person_id, attempt)
);

CREATE INDEX package_attempts_person ON package_attempts (person_id, item_id);

-- The key in a content address: the sandboxed frame sends no cookies, so the path itself says who may read the
-- package's files, for a while. Only the token's SHA-256 is kept.
CREATE TABLE package_launches (
    token_hash   VARCHAR(64)   PRIMARY KEY,
    attempt_id   VARCHAR(36)   NOT NULL REFERENCES package_attempts (id) ON DELETE CASCADE,
    package_id   VARCHAR(36)   NOT NULL,
    person_id    VARCHAR(36)   NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
