-- Published versions are immutable: each keeps the content learners were given.
CREATE TABLE course_versions (
    course_id    VARCHAR(36)      NOT NULL REFERENCES courses (id),
    version      INTEGER          NOT NULL,
    title        VARCHAR(200)     NOT NULL,
    content      VARCHAR(1000000) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by VARCHAR(36)      NOT NULL,
    PRIMARY KEY (course_id, version)
);

-- The newest published version (null while a course was never published).
ALTER TABLE courses ADD COLUMN live_version INTEGER;
UPDATE courses SET live_version = version WHERE status IN ('PUBLISHED', 'RETIRED');

-- The version each learner takes: the one they started, until they move on (recertification).
CREATE TABLE course_pins (
    person_id  VARCHAR(36) NOT NULL,
    course_id  VARCHAR(36) NOT NULL,
    version    INTEGER     NOT NULL,
    pinned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, course_id)
);

-- Set when a learner who completed an earlier version must take the newest again.
ALTER TABLE progress ADD COLUMN recertify_reason VARCHAR(200);
