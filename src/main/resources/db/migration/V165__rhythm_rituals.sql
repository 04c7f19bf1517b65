-- The operating rhythm: a team's rituals, their sessions, the skill gaps and the capability interventions (at most
-- three per session) each session records.
CREATE TABLE rituals (
    id                VARCHAR(36)   PRIMARY KEY,
    team_id           VARCHAR(36)   NOT NULL,
    kind              VARCHAR(30)   NOT NULL,
    name              VARCHAR(120)  NOT NULL,
    cadence           VARCHAR(20)   NOT NULL,
    -- the first session's start; later ones follow the cadence at the same local time in time_zone
    first_starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    time_zone         VARCHAR(60)   NOT NULL,
    duration_minutes  INTEGER       NOT NULL,
    -- the block of the agenda kept for capability planning
    agenda_minutes    INTEGER       NOT NULL,
    agenda_note       VARCHAR(1000) NOT NULL,
    -- hours before a session its pre-read is sent
    pre_read_hours    INTEGER       NOT NULL,
    revision          INTEGER       NOT NULL,
    created_by        VARCHAR(36)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rituals_by_team ON rituals (team_id);

-- a session exists from when it is prepared or held (the cadence says when the others would be)
CREATE TABLE ritual_sessions (
    id                VARCHAR(36)   PRIMARY KEY,
    ritual_id         VARCHAR(36)   NOT NULL,
    team_id           VARCHAR(36)   NOT NULL,
    starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PLANNED, HELD, SKIPPED
    status            VARCHAR(10)   NOT NULL,
    notes             VARCHAR(4000) NOT NULL,
    pre_read_sent_at  TIMESTAMP WITH TIME ZONE,
    held_at           TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ritual_sessions_once UNIQUE (ritual_id, starts_at)
);
CREATE INDEX ritual_sessions_by_team ON ritual_sessions (team_id, starts_at);

CREATE TABLE session_gaps (
    id                VARCHAR(36)   PRIMARY KEY,
    session_id        VARCHAR(36)   NOT NULL,
    capability_id     VARCHAR(36)   NOT NULL,
    note              VARCHAR(1000) NOT NULL,
    created_by        VARCHAR(36)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX session_gaps_by_session ON session_gaps (session_id);

-- the people who need deeper exposure to a gap's capability
CREATE TABLE session_gap_people (
    gap_id            VARCHAR(36)   NOT NULL,
    person_id         VARCHAR(36)   NOT NULL,
    PRIMARY KEY (gap_id, person_id)
);

CREATE TABLE interventions (
    id                VARCHAR(36)   PRIMARY KEY,
    session_id        VARCHAR(36)   NOT NULL,
    team_id           VARCHAR(36)   NOT NULL,
    -- 1 to 3: the unique position is what keeps a fourth out, even when two are recorded at once
    position          INTEGER       NOT NULL,
    kind              VARCHAR(30)   NOT NULL,
    capability_id     VARCHAR(36)   NOT NULL,
    owner_id          VARCHAR(36)   NOT NULL,
    due_on            DATE          NOT NULL,
    -- the outcome indicator it should move (analytics' outcome_metrics), or null
    metric_id         VARCHAR(36),
    description       VARCHAR(1000) NOT NULL,
    -- what it names, by kind: the course to assign, the person to pair with or propose a goal to, the hours
    course_id         VARCHAR(36),
    person_id         VARCHAR(36),
    hours             NUMERIC(6, 1),
    -- the commission that carries it out (COMMISSION_MODULE), once made
    commission_id     VARCHAR(36),
    -- OPEN, DONE, DROPPED
    status            VARCHAR(10)   NOT NULL,
    done_at           TIMESTAMP WITH TIME ZONE,
    -- what coverage and the indicator were when it was recorded, to show the change since
    holders_before    INTEGER,
    metric_before     NUMERIC(18, 4),
    revision          INTEGER       NOT NULL,
    created_by        VARCHAR(36)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT interventions_at_most_three CHECK (position BETWEEN 1 AND 3),
    CONSTRAINT interventions_position UNIQUE (session_id, position)
);
CREATE INDEX interventions_by_team ON interventions (team_id, status);
CREATE INDEX interventions_by_owner ON interventions (owner_id, status);
