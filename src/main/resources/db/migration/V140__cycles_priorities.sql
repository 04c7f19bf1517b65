-- Organization and team priorities, versioned per period. A period is the organization's ("2027 H1"), shared by the
-- organization's priorities and every team's, so a later contract goal can name one period and tag priorities of it.
-- A priority keeps its id across edits (goals will point at it); revision is its optimistic-locking version.
CREATE TABLE cycles_periods (
    id          VARCHAR(36)  PRIMARY KEY,
    label       VARCHAR(60)  NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    created_by  VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT cycles_periods_label UNIQUE (label)
);
CREATE INDEX cycles_periods_dates ON cycles_periods (starts_on, ends_on);

CREATE TABLE cycles_priorities (
    id            VARCHAR(36)   PRIMARY KEY,
    period_id     VARCHAR(36)   NOT NULL REFERENCES cycles_periods (id),
    scope         VARCHAR(12)   NOT NULL,
    team_id       VARCHAR(36)   REFERENCES teams (id),
    kind          VARCHAR(10)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    body          VARCHAR(2000) NOT NULL,
    revision      INTEGER       NOT NULL,
    published_by  VARCHAR(36)   NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(36)   NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX cycles_priorities_period ON cycles_priorities (period_id, scope, team_id);

CREATE TABLE cycles_priority_capabilities (
    priority_id    VARCHAR(36) NOT NULL REFERENCES cycles_priorities (id) ON DELETE CASCADE,
    capability_id  VARCHAR(36) NOT NULL REFERENCES capabilities (id),
    PRIMARY KEY (priority_id, capability_id)
);
