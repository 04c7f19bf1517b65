-- A manager's decision rights (issue 17): commissions of modules, learning needs with their voices, and team
-- learning budgets per period with what is spent from them.
CREATE TABLE commissions (
    id                 VARCHAR(36)   PRIMARY KEY,
    team_id            VARCHAR(36)   NOT NULL,
    commissioned_by    VARCHAR(36)   NOT NULL,
    author_id          VARCHAR(36)   NOT NULL,
    problem            VARCHAR(2000) NOT NULL,
    audience           VARCHAR(500)  NOT NULL,
    due_on             DATE          NOT NULL,
    -- the existing course to extend, or null for a new one
    extends_course_id  VARCHAR(36),
    -- the session's intervention (COMMISSION_MODULE) it carries out, or null
    intervention_id    VARCHAR(36),
    -- the learning need it answers, or null
    need_id            VARCHAR(36),
    -- INTERNAL (hours at the installation's rate) or EXTERNAL (a price)
    cost_kind          VARCHAR(10)   NOT NULL,
    internal_hours     NUMERIC(8, 1),
    hour_rate          NUMERIC(12, 2),
    cost               NUMERIC(14, 2) NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    -- OPEN, PUBLISHED, CANCELLED
    status             VARCHAR(10)   NOT NULL,
    -- the course that answers it: linked by the author, or the first course the author created after starting a
    -- draft from it
    course_id          VARCHAR(36),
    draft_started_at   TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at       TIMESTAMP WITH TIME ZONE,
    cancelled_at       TIMESTAMP WITH TIME ZONE,
    revision           INTEGER       NOT NULL
);
CREATE INDEX commissions_by_author ON commissions (author_id, status);
CREATE INDEX commissions_by_commissioner ON commissions (commissioned_by, status);
CREATE INDEX commissions_by_team ON commissions (team_id, status);
CREATE INDEX commissions_by_course ON commissions (course_id);
CREATE INDEX commissions_by_extended ON commissions (extends_course_id, status);

CREATE TABLE learning_needs (
    id                 VARCHAR(36)   PRIMARY KEY,
    filed_by           VARCHAR(36)   NOT NULL,
    what               VARCHAR(1000) NOT NULL,
    capability_id      VARCHAR(36),
    team_id            VARCHAR(36),
    -- OPEN, COMMISSIONED, ANSWERED
    status             VARCHAR(12)   NOT NULL,
    -- colleagues who added their voice (the filer not counted), kept with the voices for sorting
    voices             INTEGER       NOT NULL,
    commission_id      VARCHAR(36),
    answer_course_id   VARCHAR(36),
    answered_by        VARCHAR(36),
    answered_at        TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learning_needs_by_voices ON learning_needs (status, voices, created_at);
CREATE INDEX learning_needs_by_team ON learning_needs (team_id, status);

CREATE TABLE learning_need_voices (
    need_id            VARCHAR(36)   NOT NULL,
    person_id          VARCHAR(36)   NOT NULL,
    note               VARCHAR(500)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (need_id, person_id)
);

CREATE TABLE budgets (
    id                 VARCHAR(36)   PRIMARY KEY,
    team_id            VARCHAR(36)   NOT NULL,
    starts_on          DATE          NOT NULL,
    ends_on            DATE          NOT NULL,
    amount             NUMERIC(14, 2) NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    created_by         VARCHAR(36)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX budgets_by_team ON budgets (team_id, starts_on);

-- what is spent from a budget: a commission's cost or an external resource of a contract goal
CREATE TABLE budget_spends (
    id                 VARCHAR(36)   PRIMARY KEY,
    budget_id          VARCHAR(36)   NOT NULL,
    team_id            VARCHAR(36)   NOT NULL,
    -- COMMISSION or RESOURCE
    kind               VARCHAR(10)   NOT NULL,
    commission_id      VARCHAR(36),
    goal_id            VARCHAR(36),
    resource_id        VARCHAR(36),
    description        VARCHAR(500)  NOT NULL,
    amount             NUMERIC(14, 2) NOT NULL,
    -- APPROVED (counted), WAITING (for L&D, over the budget), DECLINED, RELEASED (its commission was cancelled)
    status             VARCHAR(10)   NOT NULL,
    requested_by       VARCHAR(36)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by         VARCHAR(36),
    decided_at         TIMESTAMP WITH TIME ZONE,
    decision_note      VARCHAR(500)
);
CREATE INDEX budget_spends_by_budget ON budget_spends (budget_id, status);
CREATE INDEX budget_spends_by_commission ON budget_spends (commission_id);
CREATE INDEX budget_spends_waiting ON budget_spends (status, created_at);
