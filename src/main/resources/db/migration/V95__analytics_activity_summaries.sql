-- Summaries of the learning record that the dashboards read instead of the statements (ADR 0014).
--
-- A statement's response gets its own column, so that item analysis need not parse each answer's JSON. Statements
-- stored before this column existed keep NULL there and are read from their JSON.
ALTER TABLE statements ADD COLUMN result_response VARCHAR(2000);

-- Statements recorded but not yet added to the summaries: the learning record adds a row in the same transaction
-- as the statement; the summarizer folds them in and deletes the rows, always before a summary is read.
CREATE TABLE statements_to_summarize (
    statement_id VARCHAR(36) PRIMARY KEY
);

-- One row per learner, course, measure and activity: the measure is the verb's IRI, or 'started' (a lesson read or
-- the quiz started) with 'course' as activity. Counting rows counts distinct learners.
CREATE TABLE activity_learners (
    course_id  VARCHAR(36)  NOT NULL,
    measure    VARCHAR(200) NOT NULL,
    object_id  VARCHAR(500) NOT NULL,
    actor_id   VARCHAR(36)  NOT NULL,
    statements INTEGER      NOT NULL,
    successes  INTEGER      NOT NULL,
    first_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, measure, object_id, actor_id)
);
CREATE INDEX activity_learners_actor ON activity_learners (actor_id, course_id);

-- The same per course, measure and activity, summed over learners: the whole organization's figures in one row.
CREATE TABLE activity_totals (
    course_id  VARCHAR(36)  NOT NULL,
    measure    VARCHAR(200) NOT NULL,
    object_id  VARCHAR(500) NOT NULL,
    learners   INTEGER      NOT NULL,
    statements INTEGER      NOT NULL,
    successes  INTEGER      NOT NULL,
    first_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, measure, object_id)
);

-- The row the summarizer locks while it folds, so that two never fold the same statements.
CREATE TABLE activity_summary_state (
    id VARCHAR(20) PRIMARY KEY
);
INSERT INTO activity_summary_state (id) VALUES ('statements');

-- The statements already recorded, summarized once here.
INSERT INTO activity_learners (course_id, measure, object_id, actor_id, statements, successes, first_at, last_at)
SELECT course_id, verb, object_id, actor_id, COUNT(*), SUM(CASE WHEN result_success = TRUE THEN 1 ELSE 0 END),
       MIN(occurred_at), MAX(occurred_at)
FROM statements WHERE course_id IS NOT NULL
GROUP BY course_id, verb, object_id, actor_id;
INSERT INTO activity_learners (course_id, measure, object_id, actor_id, statements, successes, first_at, last_at)
SELECT course_id, 'started', 'course', actor_id, COUNT(*), 0, MIN(occurred_at), MAX(occurred_at)
FROM statements WHERE course_id IS NOT NULL
    AND verb IN ('http://adlnet.gov/expapi/verbs/experienced', 'http://adlnet.gov/expapi/verbs/attempted')
GROUP BY course_id, actor_id;
INSERT INTO activity_totals (course_id, measure, object_id, learners, statements, successes, first_at, last_at)
SELECT course_id, measure, object_id, COUNT(*), SUM(statements), SUM(successes), MIN(first_at), MAX(last_at)
FROM activity_learners GROUP BY course_id, measure, object_id;
