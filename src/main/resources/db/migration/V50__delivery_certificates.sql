-- A completion certificate per learner and course. The id is the verification id printed on the certificate.
-- The title is kept as it was in the certified version.
-- Taking a course again (recertification) supersedes the current certificate; the old one stays verifiable.
CREATE TABLE certificates (
    id            VARCHAR(36) PRIMARY KEY,
    person_id     VARCHAR(36) NOT NULL,
    course_id     VARCHAR(36) NOT NULL,
    version       INTEGER     NOT NULL,
    course_title  VARCHAR(200) NOT NULL,
    score         INTEGER,
    completed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX certificates_person_course ON certificates (person_id, course_id);
