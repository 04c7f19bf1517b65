-- What makes a course idle or popular with weak results; one row for the organization, changed by admins. The
-- revision guards against two admins overwriting each other.
CREATE TABLE lifecycle_settings (
    id                   VARCHAR(36)      PRIMARY KEY,
    idle_days            INTEGER          NOT NULL,
    popular_learners     INTEGER          NOT NULL,
    weak_completion_rate DOUBLE PRECISION NOT NULL,
    weak_pass_rate       DOUBLE PRECISION NOT NULL,
    weak_reaction_score  INTEGER          NOT NULL,
    revision             INTEGER          NOT NULL,
    updated_by           VARCHAR(36),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO lifecycle_settings (id, idle_days, popular_learners, weak_completion_rate, weak_pass_rate,
    weak_reaction_score, revision, updated_by, updated_at)
VALUES ('organization', 90, 20, 0.5, 0.5, 0, 1, NULL, CURRENT_TIMESTAMP);

-- Proposals to archive an idle course or to refine a popular one with weak results, with the figures they were
-- made from. open_key is "course id:kind" while the proposal is open and NULL once decided: the unique constraint
-- keeps one open proposal per course and kind even when two nodes run the daily job at once (portable, where a
-- partial unique index would not be).
CREATE TABLE lifecycle_proposals (
    id              VARCHAR(36)  PRIMARY KEY,
    course_id       VARCHAR(36)  NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    open_key        VARCHAR(60)  UNIQUE,
    owner_id        VARCHAR(36)  NOT NULL,
    last_opened_at  TIMESTAMP WITH TIME ZONE,
    learners        INTEGER,
    completion_rate DOUBLE PRECISION,
    pass_rate       DOUBLE PRECISION,
    reaction_score  INTEGER,
    weak            VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decided_by      VARCHAR(36)
);
CREATE INDEX lifecycle_proposals_owner ON lifecycle_proposals (owner_id, status);
CREATE INDEX lifecycle_proposals_course ON lifecycle_proposals (course_id, kind, status);
