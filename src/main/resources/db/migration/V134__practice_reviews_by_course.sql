-- Everyone with a successful review of a course (capabilities recompute them when a rule on the course changes).
CREATE INDEX practice_reviews_course_person ON practice_reviews (course_id, person_id);
