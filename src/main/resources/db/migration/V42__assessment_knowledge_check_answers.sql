-- Every answer to a knowledge check after a lesson; not part of any quiz score.
CREATE TABLE check_answers (
    id          VARCHAR(36)   PRIMARY KEY,
    person_id   VARCHAR(36)   NOT NULL,
    course_id   VARCHAR(36)   NOT NULL REFERENCES courses (id),
    question_id VARCHAR(36)   NOT NULL,
    answer      VARCHAR(4000) NOT NULL,
    credit      DOUBLE PRECISION NOT NULL,
    correct     BOOLEAN       NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX check_answers_person_course ON check_answers (person_id, course_id, answered_at);
