-- A linked reuse is its source's component (listed with its source), not a new one of the course reusing it: rows
-- indexed for linked elements before this held go; a course's next publication indexes it without them.
DELETE FROM library_components WHERE id IN (SELECT element_id FROM element_origins WHERE mode = 'LINKED');
