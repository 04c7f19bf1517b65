-- "When was each course last opened" (content lifecycle, library health) is MAX(occurred_at) grouped by course over
-- the OPENED statements; with the time in the index the database answers it from the index alone, without reading
-- the statements themselves.
CREATE INDEX statements_course_verb_time ON statements (course_id, verb, occurred_at);
