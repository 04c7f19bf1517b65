-- The learning record: one row per xAPI statement. The full statement is kept as JSON;
-- the columns beside it are what analytics filter and group by.
CREATE TABLE statements (
    id             VARCHAR(36)    PRIMARY KEY,
    actor_id       VARCHAR(36)    NOT NULL,
    verb           VARCHAR(200)   NOT NULL,
    object_id      VARCHAR(500)   NOT NULL,
    course_id      VARCHAR(36),
    result_score   DOUBLE PRECISION,
    result_success BOOLEAN,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    statement      VARCHAR(20000) NOT NULL
);
CREATE INDEX statements_course_verb ON statements (course_id, verb);
CREATE INDEX statements_actor ON statements (actor_id, occurred_at);
