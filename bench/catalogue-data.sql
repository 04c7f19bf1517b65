-- Adds the catalogue benchmark's published courses to the capabilities benchmark's organization (run by
-- bench/catalogue.sh after bench/capabilities.sh filled the database; needs its bench_people). Variables: :courses
-- (how many, 20,000 by default), :authors_every (every Nth person writes courses: 50 gives 2,000 authors).
--
-- Each course has a title made of an action, a subject and an angle ("Handling customer refunds step by step"), a
-- description, an objective, 3 to 8 lessons of 2 to 18 sentences about its subject (one course in a hundred: 60 to
-- 100, over 6,000 words, so that every length filter finds some) and a quiz of three questions; one version, published over the
-- last three years. 250 capabilities in a "Catalogue" category each count 80 of them (a course mastered at level 1).
-- Use follows a long tail: course k (by a hash order) has about 2,000 / k^0.6 learners (262,000 in all), and those
-- with learners have reactions to their first lesson, mostly helpful.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET work_mem = '256MB';

CREATE TABLE bench_cat_words AS
SELECT ARRAY['Handling', 'Understanding', 'Planning', 'Reviewing', 'Improving', 'Writing', 'Leading', 'Measuring',
             'Explaining', 'Preparing', 'Negotiating', 'Automating', 'Documenting', 'Testing', 'Securing',
             'Forecasting', 'Coaching on', 'Troubleshooting', 'Presenting', 'Auditing'] AS actions,
       ARRAY['customer refunds', 'invoices', 'incident reports', 'sales calls', 'code reviews', 'onboarding',
             'data privacy', 'safety checks', 'budget forecasts', 'team meetings', 'supplier contracts',
             'release notes', 'support tickets', 'expense claims', 'hiring interviews', 'warehouse returns',
             'cloud costs', 'accessibility', 'complaints', 'quarterly reports', 'password resets', 'price changes',
             'service outages', 'performance reviews', 'shipping delays', 'product demos', 'tax questions',
             'phishing emails', 'project kick-offs', 'user research', 'escalations', 'knowledge articles',
             'contract renewals', 'travel bookings', 'fire drills', 'machine learning models', 'API changes',
             'social media posts', 'first aid', 'payroll questions'] AS subjects,
       ARRAY['step by step', 'for new starters', 'in practice', 'with confidence', 'at scale', 'for managers',
             'without surprises', 'the short version', 'for experienced staff', 'under time pressure'] AS angles,
       ARRAY['Start by reading the whole %s request before you act on it.',
             'Check the history of the account: earlier %s often explain the current one.',
             'Write a short internal note for every step, so that a colleague can take over the %s.',
             'Escalate when fixing the %s needs a change you are not allowed to make yourself.',
             'Close the case only after the customer confirms that the %s was resolved.',
             'Keep the numbers for %s in one place and check them against last month.',
             'Ask an open question first; people explain %s better than any form does.',
             'A checklist for %s saves time when the queue is long and attention is short.',
             'Record what you decided about the %s and why, in words a newcomer understands.',
             'Compare two recent %s side by side to see which steps really matter.',
             'When in doubt about %s, follow the policy and tell your manager what was unclear.',
             'Most mistakes with %s happen at hand-overs, so name who owns the next step.',
             'Practise the conversation about %s with a colleague before the real one.',
             'Measure how long %s take from the first contact to the last, every week.',
             'Privacy matters: share only what the person handling the %s needs to know.',
             'Summarise the cause and the fix of each %s in two sentences at most.',
             'Look for patterns across %s; three similar cases usually share one cause.',
             'Agree on a deadline for the %s and say early when it will slip.',
             'Good templates for %s are short, specific and kept up to date by their owner.',
             'Celebrate a well handled %s in the team meeting, so good habits spread.'] AS sentences;

CREATE TABLE bench_cat_authors AS
SELECT row_number() OVER (ORDER BY n) - 1 AS a, id FROM bench_people WHERE n % :authors_every = 7;
ALTER TABLE bench_cat_authors ADD PRIMARY KEY (a);

CREATE TABLE bench_cat_courses AS
SELECT i, gen_random_uuid()::text AS id,
       w.actions[1 + (i * 7) % 20] || ' ' || w.subjects[1 + (i * 13) % 40] || ' ' || w.angles[1 + (i * 3) % 10]
         || CASE WHEN i % 5 = 0 THEN ', part ' || (2 + i % 3) ELSE '' END AS title,
       w.subjects[1 + (i * 13) % 40] AS subject,
       (SELECT id FROM bench_cat_authors WHERE a = (i * 7919) % (SELECT COUNT(*) FROM bench_cat_authors)) AS author_id,
       now() - make_interval(mins => (abs(hashtext('published' || i)) % (3 * 365 * 24 * 60))) AS published_at,
       3 + abs(hashtext('lessons' || i)) % 6 AS lessons,
       -- sentences a lesson has: short courses are common, long ones rare
       CASE WHEN i % 100 = 0 THEN 60 + abs(hashtext('length' || i)) % 40
            ELSE 2 + (abs(hashtext('length' || i)) % 1000) * (abs(hashtext('length' || i)) % 1000) / 60000 END AS sentences,
       row_number() OVER (ORDER BY md5('use' || i)) AS use_rank
FROM generate_series(0, :courses - 1) i CROSS JOIN bench_cat_words w;
ALTER TABLE bench_cat_courses ADD PRIMARY KEY (i);

CREATE TABLE bench_cat_lessons AS
SELECT c.i, l.j, gen_random_uuid()::text AS id,
       (ARRAY['Why it matters', 'Before you start', 'The first steps', 'Doing the work', 'Common mistakes',
              'When to escalate', 'Working with others', 'Closing and follow-up'])[l.j] || ': ' || c.subject AS title,
       (SELECT string_agg(format(w.sentences[1 + abs(hashtext(c.i || '.' || l.j || '.' || s)) % 20], c.subject),
                          CASE WHEN s % 4 = 0 THEN E'\n\n' ELSE ' ' END ORDER BY s)
        FROM generate_series(1, c.sentences) s) AS markdown
FROM bench_cat_courses c CROSS JOIN bench_cat_words w CROSS JOIN LATERAL generate_series(1, c.lessons) l(j);
ALTER TABLE bench_cat_lessons ADD PRIMARY KEY (i, j);

CREATE TABLE bench_cat_questions AS
SELECT c.i, q.k, gen_random_uuid()::text AS id,
       (ARRAY['What do you do first with %s?', 'When do you escalate %s?', 'Who owns the next step of %s?'])[q.k] AS prompt_t,
       (ARRAY['["Read the whole request","Reply at once","Close the case"]',
              '["When the fix needs a change you may not make","Always","Never"]',
              '["The person named at the hand-over","Nobody","The customer"]'])[q.k] AS options
FROM bench_cat_courses c CROSS JOIN generate_series(1, 3) q(k);

INSERT INTO courses (id, title, description, status, version, revision, author_id, pass_mark, created_at, updated_at,
                     published_at, objectives, risk_tier, review_by, live_version)
SELECT c.id, c.title, 'What to know about ' || c.subject || ' ' || w.angles[1 + (c.i * 3) % 10] || '.', 'PUBLISHED', 1, 1,
       c.author_id, 60, c.published_at - interval '2 days', c.published_at, c.published_at,
       json_build_array('Handle ' || c.subject || ' from start to finish')::text, 'LOW',
       (c.published_at + interval '2 years')::date, 1
FROM bench_cat_courses c CROSS JOIN bench_cat_words w;
INSERT INTO lessons (id, course_id, position, title, markdown, sources, module)
SELECT l.id, c.id, l.j - 1, l.title, l.markdown, NULL, NULL FROM bench_cat_lessons l JOIN bench_cat_courses c ON c.i = l.i;
INSERT INTO questions (id, course_id, position, kind, prompt, options, correct, explanation, scoring)
SELECT q.id, c.id, q.k - 1, 'SINGLE_CHOICE', format(q.prompt_t, c.subject), q.options, '[0]', 'The first answer.',
       'ALL_OR_NOTHING'
FROM bench_cat_questions q JOIN bench_cat_courses c ON c.i = q.i;

-- the published version, stored as authoring stores it
INSERT INTO course_versions (course_id, version, title, content, published_at, published_by)
SELECT c.id, 1, c.title, json_build_object(
         'title', c.title,
         'description', 'What to know about ' || c.subject || ' ' || w.angles[1 + (c.i * 3) % 10] || '.',
         'lessons', (SELECT json_agg(json_build_object('id', l.id, 'title', l.title, 'markdown', l.markdown,
                                                       'sources', json_build_array(), 'module', NULL,
                                                       'knowledgeChecks', json_build_array()) ORDER BY l.j)
                     FROM bench_cat_lessons l WHERE l.i = c.i),
         'quiz', json_build_object('passMark', 60,
                   'questions', (SELECT json_agg(json_build_object('id', q.id, 'kind', 'SINGLE_CHOICE',
                                   'prompt', format(q.prompt_t, c.subject), 'options', q.options::json,
                                   'correct', json_build_array(0), 'explanation', 'The first answer.', 'source', NULL,
                                   'scoring', 'ALL_OR_NOTHING', 'accepted', json_build_array(), 'similarity', NULL,
                                   'numeric', NULL, 'matches', json_build_array()) ORDER BY q.k)
                                 FROM bench_cat_questions q WHERE q.i = c.i),
                   'settings', json_build_object('attemptLimit', NULL, 'timeLimitMinutes', NULL, 'drawCount', NULL,
                                 'shuffleOptions', false, 'answersShown', 'ONCE_PASSED_OR_OUT_OF_ATTEMPTS'),
                   'empty', false),
         'objectives', json_build_array('Handle ' || c.subject || ' from start to finish'),
         'riskTier', 'LOW', 'tierReason', NULL)::text,
       c.published_at, c.author_id
FROM bench_cat_courses c CROSS JOIN bench_cat_words w;

-- capabilities that count catalogue courses: capability m counts the courses i with i % 250 = m
CREATE TABLE bench_cat_caps AS
SELECT m, gen_random_uuid()::text AS id,
       w.actions[1 + (m * 7) % 20] || ' ' || w.subjects[1 + m % 40] || ' (' || (1 + m / 40) || ')' AS name
FROM generate_series(0, 249) m CROSS JOIN bench_cat_words w;
INSERT INTO capabilities (id, name, description, category, status, revision, created_by, created_at, updated_at)
SELECT id, name, 'Catalogue benchmark capability ' || m, 'Catalogue', 'ACTIVE', 1,
       (SELECT id FROM people WHERE email = :'admin'), now(), now()
FROM bench_cat_caps;
INSERT INTO capability_levels (capability_id, level_rank, name)
SELECT id, 1, 'Does it with help' FROM bench_cat_caps;
INSERT INTO capability_rules (id, capability_id, level_rank, kind, course_id, current_version, position)
SELECT gen_random_uuid()::text, k.id, 1, 'COURSE_MASTERED', c.id, FALSE, c.i / 250
FROM bench_cat_courses c JOIN bench_cat_caps k ON k.m = c.i % 250
WHERE c.i < 250 * 80;

-- learners: a long tail of use
INSERT INTO progress (person_id, course_id, status, attempts, started_at, updated_at)
SELECT p.id, c.id, 'IN_PROGRESS', 0, c.published_at + interval '1 day', c.published_at + interval '1 day'
FROM bench_cat_courses c
CROSS JOIN LATERAL generate_series(0, LEAST((SELECT COUNT(*) FROM bench_people)::int, floor(2000 / power(c.use_rank, 0.6))::int) - 1) k
JOIN bench_people p ON p.n = (c.i * 7919 + k * 11) % (SELECT COUNT(*) FROM bench_people);

-- reactions to the first lesson by up to 40 of each course's learners: 7 in 10 helpful, 2 unclear, 1 outdated
INSERT INTO lesson_reactions (person_id, lesson_id, course_id, version, kind, reacted_at)
SELECT p.id, l.id, c.id, 1,
       CASE WHEN abs(hashtext(p.id || c.id)) % 10 < 7 THEN 'HELPFUL' WHEN abs(hashtext(p.id || c.id)) % 10 < 9
            THEN 'UNCLEAR' ELSE 'OUTDATED' END,
       c.published_at + interval '2 days'
FROM bench_cat_courses c
JOIN bench_cat_lessons l ON l.i = c.i AND l.j = 1
CROSS JOIN LATERAL generate_series(0, LEAST(40, (SELECT COUNT(*) FROM bench_people)::int, floor(2000 / power(c.use_rank, 0.6))::int) - 1) k
JOIN bench_people p ON p.n = (c.i * 7919 + k * 11) % (SELECT COUNT(*) FROM bench_people);
