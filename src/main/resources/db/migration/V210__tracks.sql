-- Development tracks (issue 18): an ordered sequence of steps towards a capability or a role, with prerequisites
-- and pacing; teams' re-sequencing on top of the organization's track; enrolments (approved by the manager for a
-- high-investment track) and each enrolled person's progress step by step.
CREATE TABLE tracks (
    id              VARCHAR(36)   PRIMARY KEY,
    title           VARCHAR(200)  NOT NULL,
    description     VARCHAR(4000) NOT NULL,
    role_family     VARCHAR(200),
    capability_id   VARCHAR(36),
    high_investment BOOLEAN       NOT NULL,
    investment_note VARCHAR(1000),
    status          VARCHAR(20)   NOT NULL,  -- DRAFT, PUBLISHED, ARCHIVED
    owner_team_id   VARCHAR(36),             -- null: the organization's (L&D); else the team whose manager owns it
    version         INTEGER       NOT NULL,  -- bumps when a published track's steps or pacing change
    revision        INTEGER       NOT NULL,  -- optimistic lock for edits
    created_by      VARCHAR(36)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX tracks_status ON tracks (status, role_family);

CREATE TABLE track_steps (
    id                VARCHAR(36)   PRIMARY KEY,
    track_id          VARCHAR(36)   NOT NULL REFERENCES tracks (id),
    position          INTEGER       NOT NULL,
    kind              VARCHAR(20)   NOT NULL,  -- COURSE, COMPONENT, OBSERVED_TASK, GOAL_SUGGESTION, EXTERNAL
    title             VARCHAR(200)  NOT NULL,
    description       VARCHAR(2000) NOT NULL,
    course_id         VARCHAR(36),             -- COURSE
    component_id      VARCHAR(64),             -- COMPONENT (library)
    checklist_task_id VARCHAR(36),             -- OBSERVED_TASK, when it names a mastery checklist task
    capability_id     VARCHAR(36),             -- OBSERVED_TASK / GOAL_SUGGESTION: the capability it serves
    goal_text         VARCHAR(1000),           -- GOAL_SUGGESTION
    external_url      VARCHAR(2000),           -- EXTERNAL
    confirmation      VARCHAR(20),             -- EXTERNAL / OBSERVED_TASK: SELF, MANAGER
    pacing            VARCHAR(20)   NOT NULL,  -- ON_ENROLMENT, AFTER_PREVIOUS, AFTER_ENROLMENT, FIXED_DATE
    pacing_days       INTEGER,
    release_on        DATE,
    high_investment   BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX track_steps_track ON track_steps (track_id, position);

CREATE TABLE track_step_prerequisites (
    step_id          VARCHAR(36) NOT NULL REFERENCES track_steps (id) ON DELETE CASCADE,
    requires_step_id VARCHAR(36) NOT NULL REFERENCES track_steps (id) ON DELETE CASCADE,
    PRIMARY KEY (step_id, requires_step_id)
);

-- A team's version: a change on top of the organization's track (order and pacing of its steps), made on the
-- base version it names; shown as such and rebased when the base changes.
CREATE TABLE track_team_overrides (
    track_id     VARCHAR(36)   NOT NULL REFERENCES tracks (id),
    team_id      VARCHAR(36)   NOT NULL,
    step_order   VARCHAR(8000) NOT NULL,  -- JSON array of step ids
    pacing       VARCHAR(8000) NOT NULL,  -- JSON object: step id -> {pacing, days, releaseOn}
    note         VARCHAR(1000),
    base_version INTEGER       NOT NULL,
    revision     INTEGER       NOT NULL,
    updated_by   VARCHAR(36)   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (track_id, team_id)
);

CREATE TABLE track_enrolments (
    id              VARCHAR(36)   PRIMARY KEY,
    track_id        VARCHAR(36)   NOT NULL REFERENCES tracks (id),
    person_id       VARCHAR(36)   NOT NULL,
    team_id         VARCHAR(36),              -- whose override applies (the person's team when enrolled)
    status          VARCHAR(20)   NOT NULL,   -- REQUESTED, DECLINED, ACTIVE, COMPLETED, WITHDRAWN
    requested_by    VARCHAR(36)   NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    request_note    VARCHAR(1000),
    decided_by      VARCHAR(36),
    decided_at      TIMESTAMP WITH TIME ZONE,
    decision_reason VARCHAR(1000),
    enrolled_on     DATE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    revision        INTEGER       NOT NULL,
    CONSTRAINT track_enrolments_once UNIQUE (track_id, person_id)
);
CREATE INDEX track_enrolments_person ON track_enrolments (person_id, status);
CREATE INDEX track_enrolments_track ON track_enrolments (track_id, status);

CREATE TABLE track_step_progress (
    enrolment_id VARCHAR(36) NOT NULL REFERENCES track_enrolments (id) ON DELETE CASCADE,
    step_id      VARCHAR(36) NOT NULL REFERENCES track_steps (id) ON DELETE CASCADE,
    release_on   DATE,                    -- when the step opens (null: waits for a prerequisite or the previous step)
    released_at  TIMESTAMP WITH TIME ZONE,
    done_at      TIMESTAMP WITH TIME ZONE,
    done_how     VARCHAR(30),             -- COMPLETED, COMPLETED_BEFORE, CONFIRMED_BY_MANAGER, CONFIRMED_BY_SELF
    confirmed_by VARCHAR(36),
    PRIMARY KEY (enrolment_id, step_id)
);
CREATE INDEX track_step_progress_due ON track_step_progress (release_on) ;
