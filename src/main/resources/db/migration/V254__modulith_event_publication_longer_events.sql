-- A review request names every reviewer who may decide it: with a few hundred reviewers its serialized event passed
-- the 10,000 characters the registry's column held, and publishing a course for review failed. The column holds up to
-- a million now (a plain VARCHAR on both databases, read as a string by the registry).
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE VARCHAR(1000000);
