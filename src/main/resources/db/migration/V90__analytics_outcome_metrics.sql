-- Outcome indicators: a team's business metric (escalations per week, order errors per 1,000), the courses it is
-- linked to, and its value per period. Metrics are deleted softly (deleted_at) so that a delete can be undone; the
-- revision guards against two managers overwriting each other's edits.
CREATE TABLE outcome_metrics (
    id          VARCHAR(36)   PRIMARY KEY,
    team_id     VARCHAR(36)   NOT NULL,
    name        VARCHAR(120)  NOT NULL,
    unit        VARCHAR(60)   NOT NULL,
    direction   VARCHAR(20)   NOT NULL,
    granularity VARCHAR(10)   NOT NULL,
    description VARCHAR(2000) NOT NULL,
    revision    INTEGER       NOT NULL,
    created_by  VARCHAR(36)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(36)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_by  VARCHAR(36),
    deleted_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outcome_metrics_team ON outcome_metrics (team_id);

CREATE TABLE outcome_metric_courses (
    metric_id VARCHAR(36) NOT NULL REFERENCES outcome_metrics (id),
    course_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (metric_id, course_id)
);

-- One value per period, named by the period's first day (a Monday for weeks, the 1st for months).
CREATE TABLE outcome_values (
    metric_id    VARCHAR(36)      NOT NULL REFERENCES outcome_metrics (id),
    period_start DATE             NOT NULL,
    amount       DOUBLE PRECISION NOT NULL,
    updated_by   VARCHAR(36)      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (metric_id, period_start)
);
