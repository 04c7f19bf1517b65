-- Fills the capabilities benchmark: run by bench/capabilities.sh after the application created the schema and the
-- courses (bench_courses: n, course_id, live version, first question). Variables: :top (top teams), :subs (sub-teams of each),
-- :leaf (people per sub-team), :caps (capabilities), :draws (capabilities each person draws evidence for, before
-- duplicates), :absences, :admin (the bootstrap admin's email).
--
-- The shape: :top divisions, each with :subs teams of :leaf people and one manager per team (managers are people
-- too, members of no team). 300 capabilities in 10 categories with three levels; two in three are the
-- organization's, one in three is local to a division and asks for an observed task signed off on the division's
-- checklist. Each division works with about 40 capabilities (two categories and its own); people have evidence for
-- some of them, more of the popular ones, spread over two years, so some of it has expired and some expires soon.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET work_mem = '128MB';
SET maintenance_work_mem = '512MB';

-- ---------------------------------------------------------------------------------------------------- people
CREATE TABLE bench_teams AS
SELECT t AS top, s.sub, gen_random_uuid()::text AS id,
       'Bench division ' || lpad(t::text, 2, '0') || COALESCE(' / team ' || lpad(s.sub::text, 2, '0'), '') AS name
FROM generate_series(0, :top - 1) t
CROSS JOIN (SELECT NULL::int AS sub UNION ALL SELECT generate_series(0, :subs - 1)) s;
INSERT INTO teams (id, name, parent_id, created_at)
SELECT id, name, NULL, now() FROM bench_teams WHERE sub IS NULL;
INSERT INTO teams (id, name, parent_id, created_at)
SELECT b.id, b.name, p.id, now() FROM bench_teams b JOIN bench_teams p ON p.top = b.top AND p.sub IS NULL
WHERE b.sub IS NOT NULL;

CREATE TABLE bench_people AS
SELECT n, gen_random_uuid()::text AS id, n / :leaf / :subs AS top, (n / :leaf) % :subs AS sub
FROM generate_series(0, :top * :subs * :leaf - 1) n;
ALTER TABLE bench_people ADD PRIMARY KEY (n);
CREATE TABLE bench_managers AS
SELECT b.id AS team_id, b.top, b.sub, gen_random_uuid()::text AS id,
       'cap-manager-' || lpad(b.top::text, 2, '0') || COALESCE('-' || lpad(b.sub::text, 2, '0'), '') || '@bench.test' AS email
FROM bench_teams b;

INSERT INTO people (id, name, email, password_hash, active, created_at)
SELECT id, 'Bench Person ' || n, 'cap-' || lpad(n::text, 6, '0') || '@bench.test',
       (SELECT password_hash FROM people WHERE email = :'admin'), TRUE, now()
FROM bench_people;
INSERT INTO people (id, name, email, password_hash, active, created_at)
SELECT id, 'Bench Manager ' || top || COALESCE('.' || sub, ''), email,
       (SELECT password_hash FROM people WHERE email = :'admin'), TRUE, now()
FROM bench_managers;
INSERT INTO team_members (team_id, person_id)
SELECT t.id, p.id FROM bench_people p JOIN bench_teams t ON t.top = p.top AND t.sub = p.sub;
INSERT INTO team_managers (team_id, person_id) SELECT team_id, id FROM bench_managers;
-- the manager who signs off and confirms for a person: the manager of their own team
CREATE TABLE bench_signer AS
SELECT p.n, p.id AS person_id, p.top, m.id AS manager_id, 'Bench Manager ' || m.top || '.' || m.sub AS manager_name
FROM bench_people p JOIN bench_managers m ON m.top = p.top AND m.sub = p.sub;
ALTER TABLE bench_signer ADD PRIMARY KEY (n);

-- ------------------------------------------------------------------------------------------------- courses
-- Published long ago (first versions 900 days, second versions 300 days back), so that two years of masteries
-- can be of either version: a mastery counts for the current version only when made after it was published.
UPDATE course_versions v SET published_at = now() - CASE WHEN v.version = 1 THEN interval '900 days' ELSE interval '300 days' END
FROM bench_courses b WHERE b.course_id = v.course_id;
UPDATE courses c SET created_at = now() - interval '920 days', published_at = now() - interval '900 days'
FROM bench_courses b WHERE b.course_id = c.id;

-- ---------------------------------------------------------------------------------------------- capabilities
-- Capability k is taught by course k (so that a course mastered counts for one capability); course :caps + d is
-- division d's practical course, whose checklist holds the observed tasks of the division's own capabilities. Every
-- fourth course of the capabilities has a second version: the capabilities that ask for the current version use them.
CREATE TABLE bench_caps AS
SELECT k, gen_random_uuid()::text AS id,
       (ARRAY['Customer Success', 'Sales', 'Support', 'Engineering', 'Finance', 'Operations', 'Marketing', 'People',
              'Legal', 'Product'])[k % 10 + 1] AS category,
       CASE WHEN k % 3 = 2 THEN (k / 3) % :top END AS owner_top,
       CASE WHEN k % 3 = 2 THEN 'TASK_SIGNED_OFF' WHEN (k / 3) % 2 = 0 THEN 'SPACED_REVIEWS' ELSE 'CERTIFICATE' END AS second,
       CASE WHEN k % 9 IN (0, 4, 8) THEN CASE WHEN k % 2 = 0 THEN 12 ELSE 24 END END AS validity,
       k AS course_n,
       k % 4 = 0 AS current_version
FROM generate_series(0, :caps - 1) k;
ALTER TABLE bench_caps ADD PRIMARY KEY (k);
ALTER TABLE bench_caps ADD COLUMN course_id TEXT;
ALTER TABLE bench_caps ADD COLUMN task_id TEXT;
UPDATE bench_caps c SET course_id = b.course_id FROM bench_courses b WHERE b.n = c.course_n;
UPDATE bench_caps SET task_id = gen_random_uuid()::text WHERE second = 'TASK_SIGNED_OFF';

INSERT INTO capabilities (id, name, description, category, owner_team_id, validity_months, status, merged_into,
                          revision, created_by, created_at, updated_at, retired_at)
SELECT c.id, c.category || ': capability ' || lpad(c.k::text, 3, '0'),
       'Benchmark capability ' || c.k || ' (' || lower(c.second) || ' at level 2).', c.category, t.id, c.validity,
       'ACTIVE', NULL, 1, (SELECT id FROM people WHERE email = :'admin'), now() - interval '800 days', now() - interval '800 days', NULL
FROM bench_caps c LEFT JOIN bench_teams t ON t.top = c.owner_top AND t.sub IS NULL;
INSERT INTO capability_levels (capability_id, level_rank, name)
SELECT c.id, r, (ARRAY['Learning', 'Can do it alone', 'Can teach it'])[r]
FROM bench_caps c CROSS JOIN generate_series(1, 3) r;
-- level 1: the course mastered; level 2: that and the second kind of evidence; level 3: those and two validations
INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, task_id, required_count,
                              certificate_name, position)
SELECT gen_random_uuid()::text, c.id, r, 'COURSE_MASTERED', c.course_id, c.current_version, NULL, NULL, NULL, 0
FROM bench_caps c CROSS JOIN generate_series(1, 3) r
UNION ALL
SELECT gen_random_uuid()::text, c.id, r, c.second,
       CASE WHEN c.second = 'SPACED_REVIEWS' THEN c.course_id END, FALSE,
       CASE WHEN c.second = 'TASK_SIGNED_OFF' THEN c.task_id END,
       CASE WHEN c.second = 'SPACED_REVIEWS' THEN 3 END, NULL, 1
FROM bench_caps c CROSS JOIN generate_series(2, 3) r
UNION ALL
SELECT gen_random_uuid()::text, c.id, 3, 'VALIDATIONS', NULL, FALSE, NULL, 2, NULL, 2
FROM bench_caps c;

-- the divisions' checklists (a criterion row is what MasteryRules.addTask creates with the first task)
INSERT INTO mastery_criteria (team_id, course_id, pass_mark, successful_reviews, revision, updated_by, updated_at)
SELECT DISTINCT t.id, b.course_id, NULL::int, NULL::int, 0, m.id, now() - interval '800 days'
FROM bench_caps c JOIN bench_teams t ON t.top = c.owner_top AND t.sub IS NULL
JOIN bench_managers m ON m.team_id = t.id
JOIN bench_courses b ON b.n = :caps + c.owner_top
WHERE c.task_id IS NOT NULL;
INSERT INTO checklist_tasks (id, team_id, course_id, title, position, created_by, created_at)
SELECT c.task_id, t.id, b.course_id, 'Observed at work: capability ' || c.k,
       row_number() OVER (PARTITION BY c.owner_top ORDER BY c.k) - 1, m.id, now() - interval '800 days'
FROM bench_caps c JOIN bench_teams t ON t.top = c.owner_top AND t.sub IS NULL
JOIN bench_managers m ON m.team_id = t.id
JOIN bench_courses b ON b.n = :caps + c.owner_top
WHERE c.task_id IS NOT NULL;

-- each division's pool: its own capabilities and the organization's of two categories, most used first
CREATE TABLE bench_pool AS
SELECT d AS top, row_number() OVER (PARTITION BY d ORDER BY (c.owner_top IS NULL), md5(d || '-' || c.k)) - 1 AS slot, c.k
FROM generate_series(0, :top - 1) d
JOIN bench_caps c ON c.owner_top = d OR (c.owner_top IS NULL AND c.k % 10 IN (d % 10, (d + 3) % 10));
CREATE INDEX ON bench_pool (top, slot);
CREATE TABLE bench_pool_size AS SELECT top, COUNT(*) AS size FROM bench_pool GROUP BY top;

-- ---------------------------------------------------------------------------------------------------- evidence
-- Each person draws capabilities from their division's pool with a skew (popular ones more often); for each, how
-- far they got: the course mastered (85%), the second kind of evidence, two validations.
CREATE TABLE bench_pairs AS
SELECT p.n, p.id AS person_id, p.top, c.k, c.id AS capability_id, c.course_id, c.course_n, c.second, c.task_id,
       now() - random() * interval '730 days' AS mastered_at,
       random() AS progress, random() AS luck
FROM bench_people p
JOIN bench_pool_size s ON s.top = p.top
CROSS JOIN LATERAL (
    SELECT DISTINCT floor(power(random(), 1.6) * s.size)::int AS slot
    FROM generate_series(1, :draws) AS draw
    WHERE p.n IS NOT NULL
) pick
JOIN bench_pool bp ON bp.top = p.top AND bp.slot = pick.slot
JOIN bench_caps c ON c.k = bp.k;

INSERT INTO masteries (person_id, course_id, mastered_at)
SELECT DISTINCT ON (person_id, course_id) person_id, course_id, mastered_at
FROM bench_pairs WHERE progress < 0.85 ORDER BY person_id, course_id, mastered_at DESC;
INSERT INTO mastery_scores (person_id, course_id, best_score)
SELECT person_id, course_id, 80 + floor(random() * 21)::int FROM masteries;
-- the version each took: a second version exists for every fourth course; 85% of those who mastered after it was
-- published took it, the others stayed on the first
INSERT INTO course_pins (person_id, course_id, version, pinned_at)
SELECT m.person_id, m.course_id,
       CASE WHEN b.version > 1 AND m.mastered_at > now() - interval '290 days' AND random() < 0.85 THEN b.version ELSE 1 END,
       m.mastered_at - interval '7 days'
FROM masteries m JOIN bench_courses b ON b.course_id = m.course_id;

INSERT INTO checklist_sign_offs (id, task_id, person_id, signed_by, signer_name, observed_on, note, created_at)
SELECT gen_random_uuid()::text, p.task_id, p.person_id, s.manager_id, s.manager_name,
       LEAST(current_date, (p.mastered_at + interval '20 days')::date), 'Watched it done at work.',
       LEAST(now(), p.mastered_at + interval '20 days')
FROM bench_pairs p JOIN bench_signer s ON s.n = p.n
WHERE p.second = 'TASK_SIGNED_OFF' AND p.progress < 0.5;

-- successful spaced reviews (3 to 5 on separate days for most who mastered, fewer for some), and a failed one now
-- and then; a card per person and question of the course's quiz
CREATE TABLE bench_reviews AS
SELECT DISTINCT ON (p.person_id, p.course_id, r) p.person_id, p.course_id, b.question_id, r AS review_number,
       p.mastered_at + (r * 9 + 3) * interval '1 day' AS at, random() >= 0.1 AS correct
FROM bench_pairs p
JOIN bench_courses b ON b.n = p.course_n
CROSS JOIN LATERAL generate_series(1, CASE WHEN p.luck < 0.55 THEN 3 + floor(random() * 3)::int ELSE floor(random() * 3)::int END) r
WHERE p.second = 'SPACED_REVIEWS' AND p.progress < 0.85 AND p.mastered_at + (r * 9 + 3) * interval '1 day' < now()
ORDER BY p.person_id, p.course_id, r;
CREATE TABLE bench_cards AS
SELECT gen_random_uuid()::text AS id, person_id, course_id, question_id, COUNT(*) AS reviews, MAX(at) AS last_at
FROM bench_reviews GROUP BY person_id, course_id, question_id;
INSERT INTO practice_cards (id, person_id, course_id, question_id, stability, difficulty, reviews, lapses,
                            last_review_at, due_on, created_at)
SELECT id, person_id, course_id, question_id, 20.0, 5.0, reviews, 0, last_at, (last_at + interval '30 days')::date,
       last_at - interval '30 days'
FROM bench_cards;
INSERT INTO practice_reviews (id, card_id, person_id, course_id, question_id, review_number, reviewed_at, reviewed_on,
                              rating, correct, selected, elapsed_days, stability, difficulty, due_on)
SELECT gen_random_uuid()::text, c.id, r.person_id, r.course_id, r.question_id, r.review_number - 1, r.at, r.at::date,
       CASE WHEN r.correct THEN 'GOOD' ELSE 'AGAIN' END, r.correct, CASE WHEN r.correct THEN '0' ELSE '1' END, 9,
       10.0, 5.0, (r.at + interval '9 days')::date
FROM bench_reviews r JOIN bench_cards c ON c.person_id = r.person_id AND c.course_id = r.course_id;

-- external certificates: a tiny PDF, confirmed by the person's manager (some still pending), some expiring
INSERT INTO capability_certificates (id, person_id, capability_id, name, issuer, issued_on, expires_on, file_name,
                                     content_type, content, status, decided_by, decided_at, decision_note, uploaded_at)
SELECT gen_random_uuid()::text, p.person_id, p.capability_id, 'Certificate of capability ' || p.k, 'Bench Institute',
       (p.mastered_at + interval '10 days')::date,
       CASE WHEN p.luck < 0.5 THEN NULL ELSE (p.mastered_at + interval '10 days' + interval '2 years')::date END,
       'certificate.pdf', 'application/pdf', '\x255044462d312e340a2525454f460a'::bytea,
       CASE WHEN p.luck < 0.92 THEN 'CONFIRMED' ELSE 'PENDING' END,
       CASE WHEN p.luck < 0.92 THEN s.manager_id END,
       CASE WHEN p.luck < 0.92 THEN LEAST(now(), p.mastered_at + interval '12 days') END, NULL,
       LEAST(now(), p.mastered_at + interval '11 days')
FROM bench_pairs p JOIN bench_signer s ON s.n = p.n
WHERE p.second = 'CERTIFICATE' AND p.progress < 0.45 AND p.mastered_at + interval '10 days' < now();

-- two validations at level 3 by colleagues of the same division for some of the furthest along
INSERT INTO capability_validations (id, person_id, capability_id, level_rank, validator_id, validator_name,
                                    validated_on, note, created_at)
SELECT gen_random_uuid()::text, p.person_id, p.capability_id, 3, v.id, 'Bench Person ' || v.n,
       LEAST(current_date, (p.mastered_at + (30 + 10 * i) * interval '1 day')::date), 'Teaches it well.',
       LEAST(now(), p.mastered_at + (30 + 10 * i) * interval '1 day')
FROM bench_pairs p
CROSS JOIN generate_series(1, 2) i
JOIN bench_people v ON v.n = (p.top * :subs * :leaf + ((p.n + 97 * i * (p.k + 1)) % (:subs * :leaf)))
WHERE p.progress < 0.3 AND p.luck < 0.6 AND v.id <> p.person_id
ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------------------- targets
-- Each division asks for about 15 of its capabilities (its own ones among them), each team for 5 more of its own:
-- "at least 2 to 5 people at level 2" mostly, some at level 1 or 3. The nearest target up the tree applies, so a
-- team has about 20.
INSERT INTO capability_targets (team_id, capability_id, level_rank, min_people, set_by, set_at)
SELECT t.id, c.id, CASE WHEN bp.slot % 7 = 6 THEN 3 WHEN bp.slot % 7 = 5 THEN 1 ELSE 2 END,
       CASE WHEN bp.slot % 7 = 6 THEN 1 ELSE 2 + (bp.slot % 4) END, m.id, now() - interval '30 days'
FROM bench_pool bp JOIN bench_caps c ON c.k = bp.k
JOIN bench_teams t ON t.top = bp.top AND t.sub IS NULL JOIN bench_managers m ON m.team_id = t.id
WHERE bp.slot < 15;
INSERT INTO capability_targets (team_id, capability_id, level_rank, min_people, set_by, set_at)
SELECT t.id, c.id, 2, 2 + floor(random() * 4)::int, m.id, now() - interval '10 days'
FROM bench_teams t JOIN bench_managers m ON m.team_id = t.id
JOIN bench_pool_size s ON s.top = t.top
CROSS JOIN LATERAL (SELECT DISTINCT 15 + floor(random() * (s.size - 15))::int AS slot
                    FROM generate_series(1, 6) WHERE t.id IS NOT NULL LIMIT 5) pick
JOIN bench_pool bp ON bp.top = t.top AND bp.slot = pick.slot
JOIN bench_caps c ON c.k = bp.k
WHERE t.sub IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------- absences
-- planned absences over the next 120 days, one for each of :absences people, mostly short
INSERT INTO absences (id, person_id, starts_on, ends_on, kind, source, created_by, created_at)
SELECT gen_random_uuid()::text, p.id, a.starts_on, a.starts_on + a.days - 1,
       (ARRAY['LEAVE', 'LEAVE', 'LEAVE', 'TRAINING', 'PARENTAL', 'OTHER'])[1 + floor(random() * 6)::int],
       CASE WHEN random() < 0.5 THEN 'MANUAL' ELSE 'CSV' END, p.id, now() - interval '5 days'
FROM (SELECT id, n FROM bench_people ORDER BY md5('absent' || n) LIMIT :absences) p
CROSS JOIN LATERAL (SELECT current_date + floor(random() * 120)::int AS starts_on,
                           CASE WHEN random() < 0.05 THEN 30 + floor(random() * 60)::int
                                ELSE 1 + floor(power(random(), 2) * 14)::int END AS days
                    WHERE p.id IS NOT NULL) a;

DROP TABLE bench_reviews, bench_cards;
