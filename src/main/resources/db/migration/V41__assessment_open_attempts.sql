-- A quiz attempt in progress: the questions drawn for it (ids with the order their options are shown in), the
-- answers saved so far and the deadline of a timed quiz. One per learner and course; submitting removes it and
-- the graded attempt keeps its id.
CREATE TABLE open_attempts (
    id             VARCHAR(36)     PRIMARY KEY,
    course_id      VARCHAR(36)     NOT NULL REFERENCES courses (id),
    person_id      VARCHAR(36)     NOT NULL,
    course_version INTEGER         NOT NULL,
    questions      VARCHAR(20000)  NOT NULL,
    answers        VARCHAR(200000) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline       TIMESTAMP WITH TIME ZONE,
    saved_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX open_attempts_person_course ON open_attempts (person_id, course_id);

-- Attempt limits count the attempts at the version a learner takes; older rows have none.
ALTER TABLE attempts ADD COLUMN course_version INTEGER;
ALTER TABLE attempts ADD COLUMN timed_out BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX attempts_person_course_version ON attempts (person_id, course_id, course_version);
