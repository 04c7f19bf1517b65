-- Learning hours: a team's planning periods (a sprint or a month; periods of one team do not overlap) and the hours
-- of learning each person of the team tree is given in a period.
CREATE TABLE learning_periods (
    id          VARCHAR(36)  PRIMARY KEY,
    team_id     VARCHAR(36)  NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    revision    INTEGER      NOT NULL,
    created_by  VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learning_periods_by_team ON learning_periods (team_id, starts_on);

CREATE TABLE learning_hours (
    period_id   VARCHAR(36)   NOT NULL,
    person_id   VARCHAR(36)   NOT NULL,
    hours       NUMERIC(5, 1) NOT NULL,
    updated_by  VARCHAR(36)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (period_id, person_id)
);
