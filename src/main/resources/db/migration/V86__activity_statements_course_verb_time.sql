-- "When was each course last opened" (content lifecycle, library health) is MAX(occurred_at) for a course and the
-- OPENED verb; with the time in the index the database finds it with one backward probe per course, without reading
-- the statements themselves or every open. With the learner too, the figures of a period (distinct learners per
-- verb, per week) are read from the index alone, not from statements spread over the whole table.
CREATE INDEX statements_course_verb_time ON statements (course_id, verb, occurred_at, actor_id);
