-- Learning cycles and their contracts. A person owns their cycles: nobody approves starting, changing or closing one.
-- visibility says who besides the owner reads the contract (TEAM, MANAGER, NAMED, ORGANIZATION); the owner's nearest
-- managers always see that a cycle exists and which priorities its goals serve. revision is optimistic locking.
CREATE TABLE learning_cycles (
    id                   VARCHAR(36)  PRIMARY KEY,
    person_id            VARCHAR(36)  NOT NULL,
    title                VARCHAR(200) NOT NULL,
    starts_on            DATE         NOT NULL,
    ends_on              DATE         NOT NULL,
    status               VARCHAR(10)  NOT NULL,
    visibility           VARCHAR(12)  NOT NULL,
    -- the cycle it was started from ("start from a previous contract"), or null
    started_from         VARCHAR(36),
    -- days after the start for the gentle check-in reminder; null: halfway; 0: no reminder
    reminder_after_days  INTEGER,
    reminded_at          TIMESTAMP WITH TIME ZONE,
    revision             INTEGER      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at            TIMESTAMP WITH TIME ZONE
);
CREATE INDEX learning_cycles_by_person ON learning_cycles (person_id, status);
CREATE INDEX learning_cycles_active ON learning_cycles (status, starts_on);

-- the named people who may read a contract whose visibility is NAMED, and those invited to discuss it (any visibility)
CREATE TABLE learning_cycle_viewers (
    cycle_id    VARCHAR(36) NOT NULL REFERENCES learning_cycles (id) ON DELETE CASCADE,
    person_id   VARCHAR(36) NOT NULL,
    invited     BOOLEAN     NOT NULL,
    PRIMARY KEY (cycle_id, person_id)
);
CREATE INDEX learning_cycle_viewers_by_person ON learning_cycle_viewers (person_id);

-- A goal of a contract. what it serves: the priorities in learning_goal_priorities and/or serves_self.
-- outcome and reflection are written when the cycle closes; carried_from names the goal of an earlier cycle it
-- continues. removed_at keeps a removed goal's comments and check-ins readable in the history.
CREATE TABLE learning_goals (
    id                VARCHAR(36)   PRIMARY KEY,
    cycle_id          VARCHAR(36)   NOT NULL REFERENCES learning_cycles (id) ON DELETE CASCADE,
    position          INTEGER       NOT NULL,
    what              VARCHAR(500)  NOT NULL,
    capability_id     VARCHAR(36)   REFERENCES capabilities (id),
    target_level      INTEGER,
    serves_self       BOOLEAN       NOT NULL,
    practice          VARCHAR(1000),
    mentor_id         VARCHAR(36),
    evidence          VARCHAR(1000),
    target_date       DATE,
    looking_for_help  BOOLEAN       NOT NULL,
    progress          INTEGER       NOT NULL,
    minutes_logged    INTEGER       NOT NULL,
    outcome           VARCHAR(10),
    reflection        VARCHAR(2000),
    next_step         VARCHAR(1000),
    carried_from      VARCHAR(36),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX learning_goals_by_cycle ON learning_goals (cycle_id, position);
CREATE INDEX learning_goals_by_capability ON learning_goals (capability_id);
CREATE INDEX learning_goals_looking_for_help ON learning_goals (looking_for_help, cycle_id);

CREATE TABLE learning_goal_priorities (
    goal_id      VARCHAR(36) NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    priority_id  VARCHAR(36) NOT NULL REFERENCES cycles_priorities (id),
    PRIMARY KEY (goal_id, priority_id)
);
CREATE INDEX learning_goal_priorities_by_priority ON learning_goal_priorities (priority_id);

-- Stride courses a goal takes (they show in My learning as self-chosen)
CREATE TABLE learning_goal_courses (
    goal_id    VARCHAR(36) NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    course_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (goal_id, course_id)
);
CREATE INDEX learning_goal_courses_by_course ON learning_goal_courses (course_id);

-- external resources (a boot camp, a book) planned, and links to what was produced (kind RESOURCE or PRODUCED)
CREATE TABLE learning_goal_links (
    id          VARCHAR(36)   PRIMARY KEY,
    goal_id     VARCHAR(36)   NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    kind        VARCHAR(10)   NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    url         VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learning_goal_links_by_goal ON learning_goal_links (goal_id, kind);

-- the colleagues the person plans to ask to validate a goal (the requests themselves are validation requests)
CREATE TABLE learning_goal_validators (
    goal_id    VARCHAR(36) NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    person_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (goal_id, person_id)
);

-- threaded discussion anchored to a goal; the author's name is kept as it was when they wrote
CREATE TABLE learning_goal_comments (
    id           VARCHAR(36)   PRIMARY KEY,
    goal_id      VARCHAR(36)   NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    parent_id    VARCHAR(36)   REFERENCES learning_goal_comments (id),
    author_id    VARCHAR(36)   NOT NULL,
    author_name  VARCHAR(200)  NOT NULL,
    body         VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learning_goal_comments_by_goal ON learning_goal_comments (goal_id, created_at);

-- check-ins: a short note and progress per goal, with optional time spent
CREATE TABLE learning_check_ins (
    id          VARCHAR(36)   PRIMARY KEY,
    cycle_id    VARCHAR(36)   NOT NULL REFERENCES learning_cycles (id) ON DELETE CASCADE,
    goal_id     VARCHAR(36)   NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    note        VARCHAR(1000) NOT NULL,
    progress    INTEGER       NOT NULL,
    minutes     INTEGER       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX learning_check_ins_by_cycle ON learning_check_ins (cycle_id, created_at);

-- a team's contract template: goals a manager suggests their people start from
CREATE TABLE learning_contract_templates (
    id          VARCHAR(36)   PRIMARY KEY,
    team_id     VARCHAR(36)   NOT NULL REFERENCES teams (id),
    title       VARCHAR(200)  NOT NULL,
    updated_by  VARCHAR(36)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX learning_contract_templates_by_team ON learning_contract_templates (team_id);

CREATE TABLE learning_template_goals (
    id             VARCHAR(36)   PRIMARY KEY,
    template_id    VARCHAR(36)   NOT NULL REFERENCES learning_contract_templates (id) ON DELETE CASCADE,
    position       INTEGER       NOT NULL,
    what           VARCHAR(500)  NOT NULL,
    capability_id  VARCHAR(36)   REFERENCES capabilities (id),
    target_level   INTEGER,
    evidence       VARCHAR(1000)
);
