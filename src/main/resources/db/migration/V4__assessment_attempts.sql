CREATE TABLE attempts (
    id              VARCHAR(36)    PRIMARY KEY,
    course_id       VARCHAR(36)    NOT NULL REFERENCES courses (id),
    person_id       VARCHAR(36)    NOT NULL,
    idempotency_key VARCHAR(100)   NOT NULL,
    score           INTEGER        NOT NULL,
    passed          BOOLEAN        NOT NULL,
    answers         VARCHAR(20000) NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX attempts_idempotency ON attempts (person_id, idempotency_key);
CREATE INDEX attempts_course_person ON attempts (course_id, person_id);
