-- Where a lesson or question of a course came from when it was reused from another course's published version
-- (issue 18). LINKED: shown as it is in its source, updates offered when the source publishes a new version;
-- COPIED: a fork that only records where it came from. Elements keep their ids across a course's versions, so a
-- row stays true for every later version of the reusing course until the element is removed or detached.
CREATE TABLE element_origins (
    course_id         VARCHAR(36) NOT NULL REFERENCES courses (id),
    element_id        VARCHAR(36) NOT NULL,
    element_kind      VARCHAR(20) NOT NULL,  -- LESSON, QUESTION (final quiz), KNOWLEDGE_CHECK
    source_course_id  VARCHAR(36) NOT NULL REFERENCES courses (id),
    source_element_id VARCHAR(36) NOT NULL,
    source_version    INTEGER     NOT NULL,  -- the source's published version the copy was taken from
    mode              VARCHAR(10) NOT NULL,  -- LINKED, COPIED
    kept_version      INTEGER,               -- newest source version whose update the author chose not to take
    reused_by         VARCHAR(36) NOT NULL,
    reused_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, element_id)
);
CREATE INDEX element_origins_source ON element_origins (source_course_id, source_element_id);
