-- Fills the rhythm benchmark: run by bench/rhythm.sh on the organization bench/capabilities.sh generated (its
-- bench_* tables are still there). Variables: :admin (the bootstrap admin's email).
--
-- What it adds: one team of 200 people (division 00's team 00 takes the people of its teams 01 to 03), and a year
-- of the operating rhythm for every team: a weekly pipeline call and a quarterly business review, their sessions
-- (held, a few skipped, the next one prepared), skill gaps, up to three interventions per held session in every kind
-- and state, commissions for the "commission a module" ones with their budget spend, a quarterly budget, monthly
-- learning periods with hours for everyone, an outcome indicator with weekly values, weekly coverage snapshots, two
-- assignments per division (one overdue), and calendar feeds (every team, every manager, every tenth person) whose
-- tokens are known: 'rbench-team-' || team id and 'rbench-person-' || person id.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET work_mem = '128MB';
SET maintenance_work_mem = '512MB';
SELECT setseed(0.17);

-- ------------------------------------------------------------------------------------------ the team of 200
CREATE TABLE rb_merged AS SELECT id FROM bench_teams WHERE top = 0 AND sub IN (1, 2, 3);
UPDATE team_members SET team_id = (SELECT id FROM bench_teams WHERE top = 0 AND sub = 0)
WHERE team_id IN (SELECT id FROM rb_merged);
DELETE FROM capability_targets WHERE team_id IN (SELECT id FROM rb_merged);
DELETE FROM team_managers WHERE team_id IN (SELECT id FROM rb_merged);
DELETE FROM teams WHERE id IN (SELECT id FROM rb_merged);
DELETE FROM bench_teams WHERE id IN (SELECT id FROM rb_merged);
UPDATE teams SET name = 'Bench division 00 / team of 200' WHERE id = (SELECT id FROM bench_teams WHERE top = 0 AND sub = 0);
UPDATE bench_teams SET name = 'Bench division 00 / team of 200' WHERE top = 0 AND sub = 0;

-- every team (divisions too) with its first manager, its members numbered, and the capabilities it works with
CREATE TABLE rb_teams AS
SELECT b.id, b.top, b.sub, (SELECT MIN(person_id) FROM team_managers m WHERE m.team_id = b.id) AS manager_id,
       (SELECT COUNT(*) FROM team_members m WHERE m.team_id = b.id) AS size,
       -- the local time the weekly call starts (Monday to Friday, 9:00 to 16:00), and the quarterly review
       (date_trunc('week', now() - interval '364 days')::date + ((hashtext(b.id) & 2147483647) % 5))::timestamp
         + make_interval(hours => 9 + (hashtext(b.id || 'h') & 2147483647) % 8) AS weekly_local,
       (date_trunc('week', now() - interval '360 days')::date + 2 + ((hashtext(b.id) & 2147483647) % 3))::timestamp
         + interval '14 hours' AS quarterly_local
FROM bench_teams b;
ALTER TABLE rb_teams ADD PRIMARY KEY (id);
CREATE TABLE rb_members AS
SELECT m.team_id, m.person_id, row_number() OVER (PARTITION BY m.team_id ORDER BY m.person_id) - 1 AS k
FROM team_members m JOIN rb_teams t ON t.id = m.team_id;
CREATE INDEX ON rb_members (team_id, k);
CREATE TABLE rb_team_caps AS
SELECT t.id AS team_id, c.id AS capability_id, c.course_id, row_number() OVER (PARTITION BY t.id ORDER BY bp.slot) - 1 AS k
FROM rb_teams t JOIN bench_pool bp ON bp.top = t.top AND bp.slot < 20 JOIN bench_caps c ON c.k = bp.k;
CREATE INDEX ON rb_team_caps (team_id, k);

-- ------------------------------------------------------------------------------------------ rituals and sessions
CREATE TABLE rb_rituals AS
SELECT gen_random_uuid()::text AS id, t.id AS team_id, 'WEEKLY' AS cadence, 'PIPELINE_CALL' AS kind,
       'Weekly pipeline call' AS name, t.weekly_local AS first_local, 60 AS duration, 15 AS agenda, t.manager_id
FROM rb_teams t
UNION ALL
SELECT gen_random_uuid()::text, t.id, 'QUARTERLY', 'QUARTERLY_BUSINESS_REVIEW', 'Quarterly business review',
       t.quarterly_local, 180, 30, t.manager_id
FROM rb_teams t;
INSERT INTO rituals (id, team_id, kind, name, cadence, first_starts_at, time_zone, duration_minutes, agenda_minutes,
                     agenda_note, pre_read_hours, revision, created_by, created_at, updated_at, retired_at)
SELECT id, team_id, kind, name, cadence, first_local AT TIME ZONE 'Europe/Amsterdam', 'Europe/Amsterdam', duration,
       agenda, 'Capability planning: the gaps we saw and what we do about them.', 24, 1,
       COALESCE(manager_id, (SELECT id FROM people WHERE email = :'admin')), now() - interval '370 days',
       now() - interval '370 days', NULL
FROM rb_rituals;

-- a year of meetings: those past are held (one in ten weekly calls skipped), the next one of each ritual prepared
CREATE TABLE rb_sessions AS
SELECT gen_random_uuid()::text AS id, r.id AS ritual_id, r.team_id, r.cadence, r.manager_id, s.k,
       ((r.first_local + CASE WHEN r.cadence = 'WEEKLY' THEN make_interval(weeks => s.k)
                              ELSE make_interval(months => 3 * s.k) END) AT TIME ZONE 'Europe/Amsterdam') AS starts_at
FROM rb_rituals r
CROSS JOIN LATERAL generate_series(0, CASE WHEN r.cadence = 'WEEKLY' THEN 60 ELSE 5 END) s(k);
DELETE FROM rb_sessions WHERE id IN (
    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY ritual_id ORDER BY starts_at) AS r
                    FROM rb_sessions WHERE starts_at > now()) f WHERE r > 1);
ALTER TABLE rb_sessions ADD COLUMN status TEXT;
UPDATE rb_sessions SET status = CASE WHEN starts_at > now() THEN 'PLANNED'
    WHEN cadence = 'WEEKLY' AND (hashtext(id) & 2147483647) % 10 = 0 AND starts_at < now() - interval '8 days' THEN 'SKIPPED'
    ELSE 'HELD' END;
ALTER TABLE rb_sessions ADD PRIMARY KEY (id);
INSERT INTO ritual_sessions (id, ritual_id, team_id, starts_at, status, notes, pre_read_sent_at, held_at, created_at)
SELECT id, ritual_id, team_id, starts_at, status,
       CASE WHEN status = 'HELD' THEN 'Went through the pipeline; agreed what to learn next.' ELSE '' END,
       LEAST(now(), starts_at - interval '24 hours'), CASE WHEN status = 'HELD' THEN starts_at + interval '1 hour' END,
       starts_at - interval '2 days'
FROM rb_sessions;

-- ------------------------------------------------------------------------------------------ gaps
CREATE TABLE rb_gaps AS
SELECT gen_random_uuid()::text AS id, s.id AS session_id, s.team_id, s.starts_at, c.capability_id, s.manager_id
FROM rb_sessions s
JOIN rb_team_caps c ON c.team_id = s.team_id AND c.k = (hashtext(s.id || 'gap') & 2147483647) % 20
WHERE s.status = 'HELD' AND (hashtext(s.id || 'g') & 2147483647) % 10 < 6;
INSERT INTO session_gaps (id, session_id, capability_id, note, created_by, created_at)
SELECT id, session_id, capability_id, 'Lost two deals on this; the team needs more depth.',
       COALESCE(manager_id, (SELECT id FROM people WHERE email = :'admin')), starts_at + interval '50 minutes'
FROM rb_gaps;
INSERT INTO session_gap_people (gap_id, person_id)
SELECT DISTINCT g.id, m.person_id
FROM rb_gaps g CROSS JOIN generate_series(1, 2) i
JOIN rb_teams t ON t.id = g.team_id AND t.size > 0
JOIN rb_members m ON m.team_id = g.team_id AND m.k = (hashtext(g.id || i) & 2147483647) % t.size
WHERE (hashtext(g.id || 'p') & 2147483647) % 3 > 0;

-- ------------------------------------------------------------------------------------------ indicators
CREATE TABLE rb_metrics AS
SELECT gen_random_uuid()::text AS id, t.id AS team_id, t.manager_id FROM rb_teams t;
INSERT INTO outcome_metrics (id, team_id, name, unit, direction, granularity, description, revision, created_by,
                             created_at, updated_by, updated_at, deleted_by, deleted_at)
SELECT m.id, m.team_id, 'Deals slipped', 'deals', 'LOWER_IS_BETTER', 'WEEK', 'Deals that slipped a quarter.', 1,
       COALESCE(m.manager_id, a.id), now() - interval '370 days', COALESCE(m.manager_id, a.id), now() - interval '370 days',
       NULL, NULL
FROM rb_metrics m CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a;
INSERT INTO outcome_values (metric_id, period_start, amount, updated_by, updated_at)
SELECT m.id, date_trunc('week', now() - make_interval(weeks => w))::date, 10 + (hashtext(m.id || w) & 2147483647) % 15,
       COALESCE(m.manager_id, a.id), now() - make_interval(weeks => w)
FROM rb_metrics m CROSS JOIN generate_series(1, 52) w CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a;

-- ------------------------------------------------------------------------------------------ interventions
-- 0 to 3 per held session (two on average), in every kind; older ones mostly done or dropped, recent ones open
CREATE TABLE rb_interventions AS
SELECT gen_random_uuid()::text AS id, s.id AS session_id, s.team_id, s.starts_at, p AS position,
       (ARRAY['ASSIGN_COURSE', 'COMMISSION_MODULE', 'PAIR_OR_SHADOW', 'PRACTICE_ON_REAL_WORK', 'PROPOSE_CYCLE_GOAL',
              'ALLOCATE_HOURS'])[1 + (hashtext(s.id || p) & 2147483647) % 6] AS kind,
       c.capability_id, c.course_id, s.manager_id,
       (s.starts_at + make_interval(days => 14 + (hashtext(s.id || p || 'd') & 2147483647) % 47))::date AS due_on,
       CASE WHEN s.starts_at < now() - interval '56 days' THEN
              (ARRAY['DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'DROPPED', 'OPEN', 'OPEN'])[1 + (hashtext(s.id || p || 's') & 2147483647) % 10]
            ELSE (ARRAY['OPEN', 'OPEN', 'OPEN', 'DONE'])[1 + (hashtext(s.id || p || 's') & 2147483647) % 4] END AS status,
       (hashtext(s.id || p || 'm') & 2147483647) % 2 = 0 AS with_metric,
       (hashtext(s.id || p || 'w') & 2147483647) AS luck
FROM rb_sessions s
CROSS JOIN LATERAL generate_series(1, (hashtext(s.id || 'n') & 2147483647) % 4) p
JOIN rb_team_caps c ON c.team_id = s.team_id AND c.k = (hashtext(s.id || p || 'c') & 2147483647) % 20
WHERE s.status = 'HELD';
ALTER TABLE rb_interventions ADD COLUMN person_id TEXT;
ALTER TABLE rb_interventions ADD COLUMN owner_id TEXT;
ALTER TABLE rb_interventions ADD COLUMN commission_id TEXT;
UPDATE rb_interventions i SET person_id = m.person_id
FROM rb_teams t, rb_members m
WHERE t.id = i.team_id AND t.size > 0 AND m.team_id = i.team_id AND m.k = i.luck % t.size;
UPDATE rb_interventions i SET owner_id = COALESCE(CASE WHEN i.luck % 3 = 0 THEN i.person_id END, i.manager_id, i.person_id);
UPDATE rb_interventions SET commission_id = gen_random_uuid()::text WHERE kind = 'COMMISSION_MODULE';
DELETE FROM rb_interventions WHERE owner_id IS NULL;
INSERT INTO interventions (id, session_id, team_id, position, kind, capability_id, owner_id, due_on, metric_id,
                           description, course_id, person_id, hours, commission_id, status, done_at, holders_before,
                           metric_before, revision, created_by, created_at, task_id, answer, updated_at)
SELECT i.id, i.session_id, i.team_id, i.position, i.kind, i.capability_id, i.owner_id, i.due_on,
       CASE WHEN i.with_metric THEN m.id END, 'Close the gap before the next quarter.',
       CASE WHEN i.kind = 'ASSIGN_COURSE' THEN i.course_id END,
       CASE WHEN i.kind IN ('PAIR_OR_SHADOW', 'PROPOSE_CYCLE_GOAL', 'ALLOCATE_HOURS', 'ASSIGN_COURSE', 'PRACTICE_ON_REAL_WORK')
            THEN i.person_id END,
       CASE WHEN i.kind = 'ALLOCATE_HOURS' THEN 4.0 END, i.commission_id, i.status,
       CASE WHEN i.status = 'DONE' THEN LEAST(now(), i.starts_at + interval '20 days') END,
       i.luck % 6, CASE WHEN i.with_metric THEN 10 + i.luck % 15 END, 1, COALESCE(i.manager_id, i.owner_id),
       i.starts_at + interval '55 minutes', NULL,
       CASE WHEN i.kind = 'PROPOSE_CYCLE_GOAL' AND i.status = 'DONE' THEN 'TAKEN' END, i.starts_at + interval '55 minutes'
FROM rb_interventions i JOIN rb_metrics m ON m.team_id = i.team_id;

-- ------------------------------------------------------------------------------------------ budgets, commissions
CREATE TABLE rb_budgets AS
SELECT gen_random_uuid()::text AS id, t.id AS team_id, q,
       (date_trunc('quarter', now()) - make_interval(months => 3 * q))::date AS starts_on
FROM rb_teams t CROSS JOIN generate_series(0, 3) q;
INSERT INTO budgets (id, team_id, starts_on, ends_on, amount, currency, created_by, created_at)
SELECT b.id, b.team_id, b.starts_on, (b.starts_on + interval '3 months' - interval '1 day')::date, 20000, 'EUR', a.id,
       b.starts_on - interval '10 days'
FROM rb_budgets b CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a;
INSERT INTO commissions (id, team_id, commissioned_by, author_id, problem, audience, due_on, extends_course_id,
                         intervention_id, need_id, cost_kind, internal_hours, hour_rate, cost, currency, status, course_id,
                         draft_started_at, created_at, published_at, cancelled_at, revision)
SELECT i.commission_id, i.team_id, COALESCE(i.manager_id, i.owner_id), COALESCE(i.person_id, i.owner_id),
       'A new competitor threat in the pipeline that the objection-handling course does not address.',
       'The team''s account executives', i.due_on, i.course_id, i.id, NULL, 'INTERNAL', 10.0, 75.00, 750.00, 'EUR',
       CASE WHEN i.status = 'DONE' THEN 'PUBLISHED' WHEN i.status = 'DROPPED' THEN 'CANCELLED' ELSE 'OPEN' END,
       CASE WHEN i.status = 'DONE' THEN i.course_id END,
       CASE WHEN i.status <> 'OPEN' OR i.luck % 2 = 0 THEN i.starts_at + interval '3 days' END,
       i.starts_at + interval '55 minutes',
       CASE WHEN i.status = 'DONE' THEN LEAST(now(), i.starts_at + interval '20 days') END,
       CASE WHEN i.status = 'DROPPED' THEN i.starts_at + interval '30 days' END, 1
FROM rb_interventions i WHERE i.commission_id IS NOT NULL;
INSERT INTO budget_spends (id, budget_id, team_id, kind, commission_id, goal_id, resource_id, description, amount, status,
                           requested_by, created_at, decided_by, decided_at, decision_note)
SELECT gen_random_uuid()::text, b.id, i.team_id, 'COMMISSION', i.commission_id, NULL, NULL, 'Commission: new module',
       750.00, CASE WHEN i.status = 'DROPPED' THEN 'RELEASED' ELSE 'APPROVED' END, COALESCE(i.manager_id, i.owner_id),
       i.starts_at + interval '55 minutes', NULL, NULL, NULL
FROM rb_interventions i
JOIN rb_budgets b ON b.team_id = i.team_id AND i.starts_at::date >= b.starts_on
  AND i.starts_at::date < b.starts_on + interval '3 months'
WHERE i.commission_id IS NOT NULL;

-- ------------------------------------------------------------------------------------------ learning hours
CREATE TABLE rb_periods AS
SELECT gen_random_uuid()::text AS id, t.id AS team_id, t.manager_id, mo,
       (date_trunc('month', now()) - make_interval(months => mo))::date AS starts_on
FROM rb_teams t CROSS JOIN generate_series(0, 11) mo;
INSERT INTO learning_periods (id, team_id, name, starts_on, ends_on, revision, created_by, created_at, updated_at)
SELECT p.id, p.team_id, to_char(p.starts_on, 'FMMonth YYYY'), p.starts_on,
       (p.starts_on + interval '1 month' - interval '1 day')::date, 1, COALESCE(p.manager_id, a.id),
       p.starts_on - interval '5 days', p.starts_on - interval '5 days'
FROM rb_periods p CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a;
INSERT INTO learning_hours (period_id, person_id, hours, updated_by, updated_at)
SELECT p.id, m.person_id, ((hashtext(p.id || m.person_id) & 2147483647) % 9)::numeric, COALESCE(p.manager_id, a.id),
       p.starts_on - interval '4 days'
FROM rb_periods p JOIN rb_members m ON m.team_id = p.team_id CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a;

-- ------------------------------------------------------------------------------------------ coverage over time
-- the weekly snapshot of each team's targeted capabilities (its own targets and its division's) over the year
INSERT INTO capability_snapshots (team_id, capability_id, taken_on, level_rank, target, qualified, members)
SELECT t.id, x.capability_id, (date_trunc('week', now()) - make_interval(weeks => w))::date, x.level_rank,
       x.min_people, (hashtext(t.id || x.capability_id || w / 4) & 2147483647) % 7, t.size
FROM rb_teams t
JOIN teams tt ON tt.id = t.id
CROSS JOIN LATERAL (SELECT DISTINCT ON (capability_id) capability_id, level_rank, min_people
                    FROM capability_targets WHERE team_id IN (t.id, tt.parent_id)
                    ORDER BY capability_id, (team_id = t.id) DESC) x
CROSS JOIN generate_series(1, 52) w
WHERE t.size > 0
ON CONFLICT DO NOTHING;

-- ------------------------------------------------------------------------------------------ assignments
-- each division's practical course, overdue since 20 days, and a course per division due in 30 days
INSERT INTO assignments (id, course_id, team_id, due_date, assigned_by, assigned_at)
SELECT gen_random_uuid()::text, c.course_id, t.id, current_date - 20, a.id, now() - interval '60 days'
FROM rb_teams t JOIN bench_courses c ON c.n = (SELECT COUNT(*) FROM bench_caps) + t.top
CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a WHERE t.sub IS NULL;
INSERT INTO assignments (id, course_id, team_id, due_date, assigned_by, assigned_at)
SELECT gen_random_uuid()::text, c.course_id, t.id, current_date + 30, a.id, now() - interval '10 days'
FROM rb_teams t JOIN bench_caps c ON c.k = t.top * 7 % (SELECT COUNT(*) FROM bench_caps)
CROSS JOIN (SELECT id FROM people WHERE email = :'admin') a WHERE t.sub IS NULL
ON CONFLICT DO NOTHING;

-- ------------------------------------------------------------------------------------------ calendar feeds
INSERT INTO calendar_feeds (id, token_hash, person_id, team_id, created_by, created_at, revoked_at)
SELECT gen_random_uuid()::text, encode(sha256(convert_to('rbench-team-' || t.id, 'UTF8')), 'hex'), NULL, t.id,
       t.manager_id, now() - interval '200 days', NULL
FROM rb_teams t WHERE t.manager_id IS NOT NULL;
INSERT INTO calendar_feeds (id, token_hash, person_id, team_id, created_by, created_at, revoked_at)
SELECT gen_random_uuid()::text, encode(sha256(convert_to('rbench-person-' || p.person_id, 'UTF8')), 'hex'), p.person_id,
       NULL, p.person_id, now() - interval '200 days', NULL
FROM (SELECT DISTINCT person_id FROM team_managers
      UNION SELECT person_id FROM rb_members WHERE k % 10 = 0) p;

DROP TABLE rb_merged;
