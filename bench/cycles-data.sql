-- Fills the learning cycles benchmark: run by bench/cycles.sh after the application created the schema. Variables:
-- :divisions, :subs (teams of each division), :leaf (people per team), :measured (people of the measured team),
-- :admin (the bootstrap admin's email, whose password everyone shares).
--
-- The shape: :divisions divisions of :subs teams of :leaf people (each team with a manager), plus the measured team
-- of :measured people in division 0 with its manager cyc-manager@bench.test. A current period with organization
-- priorities and a few per team. Seven in ten people have an active cycle (three goals, half of them serving a
-- priority) and one in three of those a closed earlier one; audiences spread over the four choices, named readers on
-- the NAMED ones.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET work_mem = '128MB';

CREATE TABLE bench_teams AS
SELECT d AS division, s.sub, gen_random_uuid()::text AS id,
       'Cycles division ' || lpad(d::text, 2, '0') || COALESCE(' / team ' || lpad(s.sub::text, 2, '0'), '') AS name
FROM generate_series(0, :divisions - 1) d
CROSS JOIN (SELECT NULL::int AS sub UNION ALL SELECT generate_series(0, :subs - 1)) s;
INSERT INTO bench_teams SELECT 0, -1, gen_random_uuid()::text, 'Cycles measured team';
INSERT INTO teams (id, name, parent_id, created_at) SELECT id, name, NULL, now() FROM bench_teams WHERE sub IS NULL;
INSERT INTO teams (id, name, parent_id, created_at)
SELECT b.id, b.name, p.id, now() FROM bench_teams b JOIN bench_teams p ON p.division = b.division AND p.sub IS NULL
WHERE b.sub IS NOT NULL;

CREATE TABLE bench_people AS
SELECT n, gen_random_uuid()::text AS id, n / :leaf / :subs AS division, (n / :leaf) % :subs AS sub
FROM generate_series(0, :divisions * :subs * :leaf - 1) n;
INSERT INTO bench_people
SELECT :divisions * :subs * :leaf + k, gen_random_uuid()::text, 0, -1 FROM generate_series(0, :measured - 1) k;
ALTER TABLE bench_people ADD PRIMARY KEY (n);
CREATE TABLE bench_managers AS
SELECT b.id AS team_id, gen_random_uuid()::text AS id,
       CASE WHEN b.sub = -1 THEN 'cyc-manager@bench.test'
            ELSE 'cyc-manager-' || lpad(b.division::text, 2, '0') || COALESCE('-' || lpad(b.sub::text, 2, '0'), '') || '@bench.test' END AS email
FROM bench_teams b;

INSERT INTO people (id, name, email, password_hash, active, created_at)
SELECT id, 'Cycles Person ' || n, 'cyc-' || lpad(n::text, 6, '0') || '@bench.test',
       (SELECT password_hash FROM people WHERE email = :'admin'), TRUE, now()
FROM bench_people;
INSERT INTO people (id, name, email, password_hash, active, created_at)
SELECT id, 'Cycles Manager ' || email, email, (SELECT password_hash FROM people WHERE email = :'admin'), TRUE, now()
FROM bench_managers;
INSERT INTO team_members (team_id, person_id)
SELECT t.id, p.id FROM bench_people p JOIN bench_teams t ON t.division = p.division AND t.sub = p.sub;
INSERT INTO team_managers (team_id, person_id) SELECT team_id, id FROM bench_managers;

-- ------------------------------------------------------------------------------------------------ priorities
INSERT INTO cycles_periods (id, label, starts_on, ends_on, created_by, created_at)
SELECT gen_random_uuid()::text, 'Bench now', current_date - 30, current_date + 150,
       (SELECT id FROM people WHERE email = :'admin'), now();
CREATE TABLE bench_priorities AS
SELECT gen_random_uuid()::text AS id, NULL::text AS team_id, 'Organization priority ' || k AS title
FROM generate_series(1, 5) k
UNION ALL
SELECT gen_random_uuid()::text, t.id, 'Priority ' || k || ' of ' || t.name
FROM bench_teams t CROSS JOIN generate_series(1, 3) k WHERE t.sub IS NOT NULL;
INSERT INTO cycles_priorities (id, period_id, scope, team_id, kind, title, body, revision, published_by, published_at,
                               updated_by, updated_at, retired_at)
SELECT b.id, (SELECT id FROM cycles_periods WHERE label = 'Bench now'),
       CASE WHEN b.team_id IS NULL THEN 'ORGANIZATION' ELSE 'TEAM' END, b.team_id,
       CASE WHEN b.team_id IS NULL THEN 'STRATEGY' ELSE 'PRIORITY' END, b.title, '', 1,
       (SELECT id FROM people WHERE email = :'admin'), now(), (SELECT id FROM people WHERE email = :'admin'), now(), NULL
FROM bench_priorities b;

-- ------------------------------------------------------------------------------------------------ cycles
CREATE TABLE bench_cycles AS
SELECT gen_random_uuid()::text AS id, p.id AS person_id, p.n, t.id AS team_id, 'ACTIVE'::text AS status,
       (ARRAY['TEAM', 'MANAGER', 'NAMED', 'ORGANIZATION'])[1 + p.n % 4] AS visibility,
       current_date - (p.n % 40) AS starts_on
FROM bench_people p JOIN bench_teams t ON t.division = p.division AND t.sub = p.sub
WHERE p.n % 10 < 7;
INSERT INTO bench_cycles
SELECT gen_random_uuid()::text, person_id, n, team_id, 'CLOSED', visibility, starts_on - 90
FROM bench_cycles WHERE n % 3 = 0;
INSERT INTO learning_cycles (id, person_id, title, starts_on, ends_on, status, visibility, started_from,
                             reminder_after_days, reminded_at, revision, created_at, updated_at, closed_at)
SELECT id, person_id, 'Cycle of person ' || n, starts_on, starts_on + 60, status, visibility, NULL, NULL, NULL, 3,
       now(), now(), CASE WHEN status = 'CLOSED' THEN now() - interval '30 days' END
FROM bench_cycles;
INSERT INTO learning_cycle_viewers (cycle_id, person_id, invited)
SELECT c.id, p.id, FALSE FROM bench_cycles c JOIN bench_people p ON p.n IN (c.n + 1, c.n + 2)
WHERE c.visibility = 'NAMED';

CREATE TABLE bench_goals AS
SELECT gen_random_uuid()::text AS id, c.id AS cycle_id, c.team_id, c.n, g AS position
FROM bench_cycles c CROSS JOIN generate_series(1, 3) g;
INSERT INTO learning_goals (id, cycle_id, position, what, capability_id, target_level, serves_self, practice, mentor_id,
                            evidence, target_date, looking_for_help, progress, minutes_logged, outcome, reflection,
                            next_step, carried_from, created_at, updated_at, removed_at)
SELECT id, cycle_id, position, 'Goal ' || position || ' of person ' || n, NULL, NULL, position <> 1, NULL, NULL,
       'Evidence', NULL, n % 17 = 0, (n * 7 + position * 13) % 101, 0, NULL, NULL, NULL, NULL, now(), now(), NULL
FROM bench_goals;
CREATE TABLE bench_first_priority AS
SELECT DISTINCT ON (team_id) team_id, id FROM bench_priorities WHERE team_id IS NOT NULL ORDER BY team_id, title;
CREATE TABLE bench_org_priority AS
SELECT row_number() OVER (ORDER BY title) - 1 AS k, id FROM bench_priorities WHERE team_id IS NULL;
INSERT INTO learning_goal_priorities (goal_id, priority_id)
SELECT g.id, f.id FROM bench_goals g JOIN bench_first_priority f ON f.team_id = g.team_id WHERE g.position = 1;
INSERT INTO learning_goal_priorities (goal_id, priority_id)
SELECT g.id, o.id FROM bench_goals g JOIN bench_org_priority o ON o.k = g.n % 5 WHERE g.position = 2 AND g.n % 2 = 0;
