-- statements_course_verb_time (V86) starts with the same two columns, so this one only cost space and writes.
DROP INDEX statements_course_verb;
-- Time to complete over all time reads each learner's first open, read, quiz start and completion of a course: with
-- these columns in the index it reads the index alone, not one summary row per table page.
CREATE INDEX activity_learners_course_first ON activity_learners (course_id, measure, actor_id, first_at);
