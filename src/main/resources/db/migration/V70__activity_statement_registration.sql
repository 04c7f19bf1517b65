-- The attempt a statement belongs to (xAPI context.registration): item analysis groups a quiz's answers by attempt.
-- Statements recorded before this column existed keep NULL; they belong to no known attempt.
ALTER TABLE statements ADD COLUMN registration VARCHAR(36);
-- "the answers and results of course X's attempts": course and verb narrow the rows, registration groups them, and
-- the index holds all three so the grouping needs no second look-up.
CREATE INDEX statements_course_verb_registration ON statements (course_id, verb, registration);
