-- A course's estimated learning time, in minutes: the draft's estimate when the course was created from one, or what
-- its author set. NULL means none was given: readers compute one from the lessons' length.
ALTER TABLE courses ADD COLUMN estimated_minutes INTEGER;
