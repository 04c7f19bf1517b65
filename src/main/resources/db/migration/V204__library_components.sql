-- The component library (issue 18): one row per lesson, module (lessons sharing a module name), quiz question and
-- knowledge check of every live course's live version, kept by the library module from authoring's publications and
-- retirements (a new live version replaces its course's rows; a retired course's rows go). A lesson's or question's
-- id is its element id in the source course (kept across versions); a module's is generated from its course and
-- name, so it stays the same while the name does. search_text holds the words in lower case; score is the reaction
-- score as feedback shows it (null under 5 reactions), reuse_count how many other courses took the component.
CREATE TABLE library_components (
    id                  VARCHAR(36)      PRIMARY KEY,
    kind                VARCHAR(20)      NOT NULL,  -- LESSON, MODULE, QUESTION, KNOWLEDGE_CHECK
    title               VARCHAR(500)     NOT NULL,
    title_lower         VARCHAR(500)     NOT NULL,
    excerpt             VARCHAR(400)     NOT NULL,
    search_text         VARCHAR(1000000) NOT NULL,
    source_course_id    VARCHAR(36)      NOT NULL,
    source_course_title VARCHAR(200)     NOT NULL,
    source_version      INTEGER          NOT NULL,
    module_name         VARCHAR(200),
    position            INTEGER          NOT NULL,
    author_id           VARCHAR(36)      NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    helpful             INTEGER          NOT NULL DEFAULT 0,
    unclear             INTEGER          NOT NULL DEFAULT 0,
    outdated            INTEGER          NOT NULL DEFAULT 0,
    score               INTEGER,
    reuse_count         INTEGER          NOT NULL DEFAULT 0
);
CREATE INDEX library_components_by_course ON library_components (source_course_id, position);
CREATE INDEX library_components_by_title ON library_components (title_lower, id);
CREATE INDEX library_components_by_author ON library_components (author_id);
CREATE INDEX library_components_by_kind ON library_components (kind, title_lower, id);
CREATE INDEX library_components_by_reuse ON library_components (reuse_count DESC, title_lower, id);
CREATE INDEX library_components_by_publication ON library_components (published_at DESC, title_lower, id);
