-- The figures of a period (distinct learners per verb, per week, the use of courses since a day) filter on course,
-- verb and time and count learners: with all four in the index they are read from the index alone, not from
-- statements spread over the whole table.
CREATE INDEX statements_course_verb_time ON statements (course_id, verb, occurred_at, actor_id);
