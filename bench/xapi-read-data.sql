-- Fills the LRS of the read benchmark (bench/xapi-read.sh) with :count statements from an outside tool, in chunks:
-- run once per chunk with :first and :count. Variables: :client (the LRS client that "wrote" them), :base (Stride's
-- base URL, the authority's home page), :learners, :activities, :total (all statements, which spreads the stored
-- times over two years in the order the numbers go).
--
-- Each statement has a learner (an mbox), one of 12 verbs, an activity (a lesson with a name) and its course as the
-- parent, a score and success, a registration per learner and course, and the LRS's authority, version and stored
-- time; the side tables get what StatementWrites gives them (actor and authority; object and parent).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE bench_chunk AS
SELECT gen_random_uuid()::text AS id,
       n,
       floor(random() * :learners)::int AS learner,
       (ARRAY['experienced','attempted','answered','completed','passed','failed','launched','initialized',
              'terminated','progressed','scored','commented'])[1 + floor(random() * 12)::int] AS verb,
       floor(random() * :activities)::int AS activity,
       round(random()::numeric, 2) AS score,
       random() < 0.7 AS success,
       now() - interval '730 days' + (n::double precision / :total) * interval '730 days' AS stored_at
FROM generate_series(:first, :first + :count - 1) AS n;

INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at,
                        stored_at, statement, registration, result_response, voided, client_id)
SELECT c.id, NULL, 'http://adlnet.gov/expapi/verbs/' || c.verb,
       'https://bench.example/activities/' || c.activity, NULL, c.score, c.success,
       c.stored_at - interval '3 seconds', c.stored_at,
       json_build_object(
         'id', c.id,
         'actor', json_build_object('objectType', 'Agent', 'name', 'Learner ' || c.learner,
                                    'mbox', 'mailto:learner' || c.learner || '@bench.example'),
         'verb', json_build_object('id', 'http://adlnet.gov/expapi/verbs/' || c.verb,
                                   'display', json_build_object('en-US', c.verb)),
         'object', json_build_object('objectType', 'Activity', 'id', 'https://bench.example/activities/' || c.activity,
                                     'definition', json_build_object(
                                       'name', json_build_object('en-US', 'Activity ' || c.activity),
                                       'type', 'http://adlnet.gov/expapi/activities/lesson')),
         'result', json_build_object('score', json_build_object('scaled', c.score), 'success', c.success,
                                     'duration', 'PT' || (c.n % 600) || 'S'),
         'context', json_build_object('registration', md5(c.learner || '/' || (c.activity / 20))::uuid::text,
                                      'contextActivities', json_build_object('parent', json_build_array(
                                        json_build_object('id', 'https://bench.example/courses/' || (c.activity / 20)))),
                                      'platform', 'bench'),
         'timestamp', to_char((c.stored_at - interval '3 seconds') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'stored', to_char(c.stored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'authority', json_build_object('objectType', 'Agent', 'name', 'Read benchmark',
                                        'account', json_build_object('homePage', :'base',
                                                                     'name', 'xapi-client:' || :'client')),
         'version', '1.0.0')::text,
       md5(c.learner || '/' || (c.activity / 20))::uuid::text, NULL, FALSE, :'client'
FROM bench_chunk c;

INSERT INTO xapi_statement_agents (statement_id, agent_key, direct)
SELECT id, 'mbox:mailto:learner' || learner || '@bench.example', TRUE FROM bench_chunk
UNION ALL
SELECT id, 'account:' || :'base' || '|xapi-client:' || :'client', FALSE FROM bench_chunk;

INSERT INTO xapi_statement_activities (statement_id, activity_id, direct)
SELECT id, 'https://bench.example/activities/' || activity, TRUE FROM bench_chunk
UNION ALL
SELECT id, 'https://bench.example/courses/' || (activity / 20), FALSE FROM bench_chunk;
