-- Fills the learning record of the analytics benchmark: run by bench/analytics.sh after the application has
-- created the courses (bench_courses) and the learners (bench_learners). Variables: :base (the application's
-- base URL, which every activity IRI starts with), :enrolments (draws per learner, before duplicates are removed).
--
-- Each learner takes a set of courses drawn with a skew (a few courses are taken by most learners, most by few);
-- in each, they open it one to three times, read lessons in order until they drop off, take the quiz up to twice
-- when they have read every lesson, answer its 5 questions (each question has its own facility, and stronger
-- learners answer better), pass at 3 right out of 5 and complete the course when they pass. Times are spread over
-- the last two years.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '512MB';
SET synchronous_commit = off;

-- every course has its own drop-off per lesson and facility per question
CREATE TABLE bench_course_traits AS
SELECT n, course_id, lessons, questions,
       0.70 + 0.28 * random() AS keep_reading,
       ARRAY[0.35 + 0.6 * random(), 0.35 + 0.6 * random(), 0.35 + 0.6 * random(), 0.35 + 0.6 * random(),
             0.35 + 0.6 * random()] AS facility
FROM bench_courses;

CREATE TABLE bench_enrolments AS
SELECT row_number() OVER () AS e, l.id AS actor_id, l.n AS learner, c.course_id, c.lessons, c.questions,
       c.keep_reading, c.facility, random() AS ability,
       now() - interval '10 days' - (random() * interval '720 days') AS t0,
       1 + floor(random() * 3)::int AS opens
FROM bench_learners l
CROSS JOIN LATERAL (
    SELECT DISTINCT floor(power(random(), 2.5) * (SELECT COUNT(*) FROM bench_courses))::int AS n
    FROM generate_series(1, :enrolments) AS draw
    WHERE l.n IS NOT NULL
) pick
JOIN bench_course_traits c ON c.n = pick.n;

-- lessons read: each next lesson with the course's keep-reading chance
ALTER TABLE bench_enrolments ADD COLUMN lessons_read INT;
UPDATE bench_enrolments SET lessons_read = CASE
    WHEN random() > keep_reading THEN 0
    WHEN random() > keep_reading THEN 1
    WHEN random() > keep_reading THEN 2
    WHEN random() > keep_reading THEN 3
    ELSE 4 END;

-- up to two attempts for those who read everything and went on to the quiz
CREATE TABLE bench_attempts AS
SELECT gen_random_uuid()::text AS id, e.e, e.actor_id, e.learner, e.course_id, e.questions, e.facility, e.ability,
       a AS attempt_no, e.t0 + interval '40 minutes' + (a - 1) * interval '1 day' AS at
FROM bench_enrolments e
CROSS JOIN generate_series(1, 2) AS a
WHERE e.lessons_read = 4 AND random() < 0.9;

CREATE TABLE bench_answers AS
SELECT a.id AS attempt_id, a.e, a.attempt_no, a.actor_id, a.learner, a.course_id, a.questions[q] AS question_id, q,
       a.at + q * interval '30 seconds' AS at,
       random() < LEAST(0.98, GREATEST(0.02, a.facility[q] + (a.ability - 0.5) * 0.8 + (a.attempt_no - 1) * 0.1)) AS right_answer,
       random() AS pick
FROM bench_attempts a
CROSS JOIN generate_series(1, 5) AS q;

-- score per attempt; the second attempt counts only when the first was failed
CREATE TABLE bench_scores AS
SELECT attempt_id, e, attempt_no, actor_id, learner, course_id, MAX(at) AS at,
       SUM(CASE WHEN right_answer THEN 1 ELSE 0 END) AS points
FROM bench_answers GROUP BY attempt_id, e, attempt_no, actor_id, learner, course_id;
DELETE FROM bench_scores s WHERE s.attempt_no = 2
    AND EXISTS (SELECT 1 FROM bench_scores f WHERE f.e = s.e AND f.attempt_no = 1 AND f.points >= 3);
DELETE FROM bench_answers a WHERE NOT EXISTS (SELECT 1 FROM bench_scores s WHERE s.attempt_id = a.attempt_id);
DELETE FROM bench_attempts a WHERE NOT EXISTS (SELECT 1 FROM bench_scores s WHERE s.attempt_id = a.id);

-- the statements, in the shape LearningRecord writes them (xAPI 1.0.3), indexes rebuilt afterwards
CREATE TABLE bench_indexes AS
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'statements' AND indexname <> 'statements_pkey';
DO $$ DECLARE i RECORD; BEGIN
  FOR i IN SELECT indexname FROM bench_indexes LOOP EXECUTE 'DROP INDEX ' || quote_ident(i.indexname); END LOOP;
END $$;
ALTER TABLE statements DROP CONSTRAINT statements_pkey;

CREATE FUNCTION bench_statement(home TEXT, id TEXT, actor TEXT, learner BIGINT, verb TEXT, display TEXT, kind TEXT, object_iri TEXT,
        course_iri TEXT, at TIMESTAMPTZ, result TEXT, registration TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $f$
    SELECT '{"id":"' || id || '","actor":{"objectType":"Agent","name":"Bench Learner ' || learner
        || '","account":{"homePage":"' || home || '","name":"' || actor || '"}},"verb":{"id":"' || verb
        || '","display":{"en-US":"' || display || '"}},"object":{"objectType":"Activity","id":"' || object_iri
        || '","definition":{"type":"http://adlnet.gov/expapi/activities/'
        || CASE WHEN kind = 'question' THEN 'cmi.interaction' ELSE kind END || '","name":{"en-US":"Bench '
        || kind || '"}}}' || COALESCE(',"result":' || result, '') || ',"context":{'
        || COALESCE('"registration":"' || registration || '",', '') || '"platform":"Stride"'
        || COALESCE(',"contextActivities":{"parent":[{"id":"' || course_iri || '"}]}', '') || '},"timestamp":"'
        || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","stored":"'
        || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","version":"1.0.3"}'
$f$;

-- opened
INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at, statement, registration)
SELECT s.id, e.actor_id, 'http://activitystrea.ms/schema/1.0/open', :'base' || '/xapi/activities/course/' || e.course_id,
       e.course_id, NULL, NULL, s.at, s.at,
       bench_statement(:'base', s.id, e.actor_id, e.learner, 'http://activitystrea.ms/schema/1.0/open', 'opened', 'course',
           :'base' || '/xapi/activities/course/' || e.course_id, NULL, s.at, NULL, NULL), NULL
FROM bench_enrolments e
CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS id, e.t0 + (o - 1) * interval '3 days' AS at
                    FROM generate_series(1, e.opens) AS o) s;

-- lessons read
INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at, statement, registration)
SELECT s.id, e.actor_id, 'http://adlnet.gov/expapi/verbs/experienced', :'base' || '/xapi/activities/lesson/' || e.lessons[k],
       e.course_id, NULL, NULL, s.at, s.at,
       bench_statement(:'base', s.id, e.actor_id, e.learner, 'http://adlnet.gov/expapi/verbs/experienced', 'experienced', 'lesson',
           :'base' || '/xapi/activities/lesson/' || e.lessons[k], :'base' || '/xapi/activities/course/' || e.course_id,
           s.at, NULL, NULL), NULL
FROM bench_enrolments e
CROSS JOIN LATERAL (SELECT k, gen_random_uuid()::text AS id, e.t0 + k * interval '6 minutes' AS at
                    FROM generate_series(1, e.lessons_read) AS k) s;

-- attempts started
INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at, statement, registration)
SELECT s.id, a.actor_id, 'http://adlnet.gov/expapi/verbs/attempted', :'base' || '/xapi/activities/assessment/' || a.course_id || '/quiz',
       a.course_id, NULL, NULL, a.at, a.at,
       bench_statement(:'base', s.id, a.actor_id, a.learner, 'http://adlnet.gov/expapi/verbs/attempted', 'attempted', 'assessment',
           :'base' || '/xapi/activities/assessment/' || a.course_id || '/quiz', :'base' || '/xapi/activities/course/' || a.course_id,
           a.at, NULL, a.id), a.id
FROM bench_attempts a CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS id WHERE a.id IS NOT NULL) s;

-- answers: the right option is the first; a wrong answer picks the second option four times as often as the third
INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at, statement, registration, result_response)
SELECT s.id, a.actor_id, 'http://adlnet.gov/expapi/verbs/answered', :'base' || '/xapi/activities/question/' || a.question_id,
       a.course_id, s.score, a.right_answer, a.at, a.at,
       bench_statement(:'base', s.id, a.actor_id, a.learner, 'http://adlnet.gov/expapi/verbs/answered', 'answered', 'question',
           :'base' || '/xapi/activities/question/' || a.question_id, :'base' || '/xapi/activities/course/' || a.course_id,
           a.at, '{"score":{"scaled":' || s.score || '},"success":' || a.right_answer || ',"response":"' || s.response || '"}',
           a.attempt_id), a.attempt_id, s.response
FROM bench_answers a
CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS id, CASE WHEN a.right_answer THEN 1.0 ELSE 0.0 END AS score,
                           CASE WHEN a.right_answer THEN '0' WHEN a.pick < 0.8 THEN '1' ELSE '2' END AS response) s;

-- passed or failed
INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at, statement, registration)
SELECT s.id, a.actor_id, s.verb, :'base' || '/xapi/activities/assessment/' || a.course_id || '/quiz',
       a.course_id, a.points / 5.0, a.points >= 3, a.at, a.at,
       bench_statement(:'base', s.id, a.actor_id, a.learner, s.verb, s.display, 'assessment',
           :'base' || '/xapi/activities/assessment/' || a.course_id || '/quiz', :'base' || '/xapi/activities/course/' || a.course_id,
           a.at, '{"score":{"scaled":' || (a.points / 5.0) || ',"raw":' || a.points || ',"min":0,"max":5},"success":'
           || (a.points >= 3) || '}', a.attempt_id), a.attempt_id
FROM bench_scores a
CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS id,
        CASE WHEN a.points >= 3 THEN 'http://adlnet.gov/expapi/verbs/passed' ELSE 'http://adlnet.gov/expapi/verbs/failed' END AS verb,
        CASE WHEN a.points >= 3 THEN 'passed' ELSE 'failed' END AS display) s;

-- completed, when passed
INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at, statement, registration)
SELECT s.id, a.actor_id, 'http://adlnet.gov/expapi/verbs/completed', :'base' || '/xapi/activities/course/' || a.course_id,
       a.course_id, NULL, NULL, a.at + interval '1 minute', a.at + interval '1 minute',
       bench_statement(:'base', s.id, a.actor_id, a.learner, 'http://adlnet.gov/expapi/verbs/completed', 'completed', 'course',
           :'base' || '/xapi/activities/course/' || a.course_id, NULL, a.at + interval '1 minute', '{"completion":true}', NULL), NULL
FROM bench_scores a CROSS JOIN LATERAL (SELECT gen_random_uuid()::text AS id WHERE a.attempt_id IS NOT NULL) s
WHERE a.points >= 3;

ALTER TABLE statements ADD CONSTRAINT statements_pkey PRIMARY KEY (id);
DO $$ DECLARE i RECORD; BEGIN
  FOR i IN SELECT indexdef FROM bench_indexes LOOP EXECUTE i.indexdef; END LOOP;
END $$;
DROP FUNCTION bench_statement;
