-- Everyone who mastered a course (capabilities recompute them when a rule on the course changes).
CREATE INDEX masteries_course ON masteries (course_id, person_id);
