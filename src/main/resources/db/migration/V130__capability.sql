-- Capabilities: the organization's shared language of "can do". A capability has ordered levels; each level has
-- evidence rules that must all hold. A person's level is computed from evidence (never typed in) and kept in
-- capability_holdings, recomputed in the same transaction as any change of evidence or rules, with the day each
-- held level stops holding when evidence expires, so that reads never need to recompute.
CREATE TABLE capabilities (
    id              VARCHAR(36)   PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(2000) NOT NULL,
    category        VARCHAR(100)  NOT NULL,
    owner_team_id   VARCHAR(36),
    validity_months INTEGER,
    status          VARCHAR(10)   NOT NULL,
    merged_into     VARCHAR(36),
    revision        INTEGER       NOT NULL,
    created_by      VARCHAR(36)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX capabilities_owner ON capabilities (owner_team_id);
CREATE INDEX capabilities_category ON capabilities (category, name);

CREATE TABLE capability_levels (
    capability_id VARCHAR(36)  NOT NULL REFERENCES capabilities (id) ON DELETE CASCADE,
    level_rank    INTEGER      NOT NULL,
    name          VARCHAR(60)  NOT NULL,
    PRIMARY KEY (capability_id, level_rank)
);

-- One row per evidence rule; the rules of a level all hold for the level to hold.
CREATE TABLE capability_rules (
    id                 VARCHAR(36)  PRIMARY KEY,
    capability_id      VARCHAR(36)  NOT NULL REFERENCES capabilities (id) ON DELETE CASCADE,
    level_rank         INTEGER      NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    course_id          VARCHAR(36),
    current_version    BOOLEAN      DEFAULT FALSE NOT NULL,
    task_id            VARCHAR(36),
    required_count     INTEGER,
    certificate_name   VARCHAR(200),
    position           INTEGER      NOT NULL
);
CREATE INDEX capability_rules_capability ON capability_rules (capability_id, level_rank, position);
CREATE INDEX capability_rules_course ON capability_rules (course_id);
CREATE INDEX capability_rules_task ON capability_rules (task_id);

-- External certificates a person uploads for a capability; they count once a manager confirms them.
CREATE TABLE capability_certificates (
    id            VARCHAR(36)   PRIMARY KEY,
    person_id     VARCHAR(36)   NOT NULL,
    capability_id VARCHAR(36)   NOT NULL,
    name          VARCHAR(200)  NOT NULL,
    issuer        VARCHAR(200)  NOT NULL,
    issued_on     DATE          NOT NULL,
    expires_on    DATE,
    file_name     VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    content       BYTEA         NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    decided_by    VARCHAR(36),
    decided_at    TIMESTAMP WITH TIME ZONE,
    decision_note VARCHAR(1000),
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX capability_certificates_person ON capability_certificates (person_id, capability_id);
CREATE INDEX capability_certificates_pending ON capability_certificates (status, uploaded_at);

-- "Validated by N people who themselves hold the level": one row per validator.
CREATE TABLE capability_validations (
    id            VARCHAR(36)   PRIMARY KEY,
    person_id     VARCHAR(36)   NOT NULL,
    capability_id VARCHAR(36)   NOT NULL,
    level_rank    INTEGER       NOT NULL,
    validator_id  VARCHAR(36)   NOT NULL,
    validator_name VARCHAR(200) NOT NULL,
    validated_on  DATE          NOT NULL,
    note          VARCHAR(1000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT capability_validations_once UNIQUE (person_id, capability_id, level_rank, validator_id)
);
CREATE INDEX capability_validations_person ON capability_validations (person_id, capability_id);

-- What a person says of themselves: shown beside the evidence, never counted.
CREATE TABLE capability_self_assessments (
    person_id     VARCHAR(36)   NOT NULL,
    capability_id VARCHAR(36)   NOT NULL,
    level_rank    INTEGER       NOT NULL,
    note          VARCHAR(1000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, capability_id)
);

-- Levels held, computed from evidence: a row per level whose rules all hold today, with the day it stops
-- holding (NULL: no expiry). A person's level on a day is the highest rank with valid_until after that day.
CREATE TABLE capability_holdings (
    person_id     VARCHAR(36) NOT NULL,
    capability_id VARCHAR(36) NOT NULL,
    level_rank    INTEGER     NOT NULL,
    valid_until   DATE,
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, capability_id, level_rank)
);
CREATE INDEX capability_holdings_capability ON capability_holdings (capability_id, level_rank, person_id);
CREATE INDEX capability_holdings_expiry ON capability_holdings (valid_until);

-- "At least N people at level L or above" for a team (and the teams below it that set none of their own).
CREATE TABLE capability_targets (
    team_id       VARCHAR(36) NOT NULL,
    capability_id VARCHAR(36) NOT NULL,
    level_rank    INTEGER     NOT NULL,
    min_people    INTEGER     NOT NULL,
    set_by        VARCHAR(36) NOT NULL,
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, capability_id)
);
CREATE INDEX capability_targets_capability ON capability_targets (capability_id);

-- Planned and past absences: dates and a kind, never a reason.
CREATE TABLE absences (
    id          VARCHAR(36) PRIMARY KEY,
    person_id   VARCHAR(36) NOT NULL,
    starts_on   DATE        NOT NULL,
    ends_on     DATE        NOT NULL,
    kind        VARCHAR(12) NOT NULL,
    source      VARCHAR(12) NOT NULL,
    created_by  VARCHAR(36) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX absences_person ON absences (person_id, starts_on);
CREATE INDEX absences_window ON absences (ends_on, starts_on);

-- Coverage over time: weekly and on demand, per team and capability with a target.
CREATE TABLE capability_snapshots (
    team_id       VARCHAR(36) NOT NULL,
    capability_id VARCHAR(36) NOT NULL,
    taken_on      DATE        NOT NULL,
    level_rank    INTEGER     NOT NULL,
    target        INTEGER     NOT NULL,
    qualified     INTEGER     NOT NULL,
    members       INTEGER     NOT NULL,
    PRIMARY KEY (team_id, capability_id, taken_on)
);

-- Expiry notices sent (60 and 14 days ahead), so that each is sent once.
CREATE TABLE capability_expiry_notices (
    person_id     VARCHAR(36) NOT NULL,
    capability_id VARCHAR(36) NOT NULL,
    level_rank    INTEGER     NOT NULL,
    valid_until   DATE        NOT NULL,
    days_ahead    INTEGER     NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, capability_id, level_rank, valid_until, days_ahead)
);
