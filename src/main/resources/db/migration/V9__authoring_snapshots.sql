-- The content of a course before each save, so that the author can undo the last change (autosave included).
CREATE TABLE course_snapshots (
    id         VARCHAR(36)      PRIMARY KEY,
    course_id  VARCHAR(36)      NOT NULL REFERENCES courses (id),
    revision   INTEGER          NOT NULL,
    content    VARCHAR(1000000) NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_snapshots_course ON course_snapshots (course_id, revision);
