-- SCORM packages imported as courses (issue 19). A package belongs to the draft course its import created; its files
-- are kept here, in chunks so that no single row holds a whole video, and served only from the package's own path.
CREATE TABLE packages (
    id           VARCHAR(36)   PRIMARY KEY,
    course_id    VARCHAR(36)   NOT NULL REFERENCES courses (id),
    standard     VARCHAR(20)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    file_name    VARCHAR(200)  NOT NULL,
    total_bytes  BIGINT        NOT NULL,
    imported_by  VARCHAR(36)   NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX packages_course ON packages (course_id);

CREATE TABLE package_files (
    package_id    VARCHAR(36)   NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    path          VARCHAR(1000) NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    size          BIGINT        NOT NULL,
    PRIMARY KEY (package_id, path)
);

CREATE TABLE package_file_chunks (
    package_id   VARCHAR(36)   NOT NULL,
    path         VARCHAR(1000) NOT NULL,
    chunk_index  INTEGER       NOT NULL,
    bytes        BYTEA         NOT NULL,
    PRIMARY KEY (package_id, path, chunk_index),
    FOREIGN KEY (package_id, path) REFERENCES package_files (package_id, path) ON DELETE CASCADE
);

-- One launchable SCO of the package's default organization, in the organization's order; the course's lesson for
-- it carries the item's id. mastery_score is SCORM 1.2's (0-100), passing_score 2004's scaled one (-1..1).
CREATE TABLE package_items (
    id                    VARCHAR(36)   PRIMARY KEY,
    package_id            VARCHAR(36)   NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    position              INTEGER       NOT NULL,
    identifier            VARCHAR(200)  NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    launch                VARCHAR(2000) NOT NULL,
    launch_data           VARCHAR(4000),
    mastery_score         DOUBLE PRECISION,
    passing_score         DOUBLE PRECISION,
    completion_threshold  DOUBLE PRECISION
);

CREATE INDEX package_items_package ON package_items (package_id, position);
