CREATE TABLE courses (
    id           VARCHAR(36)   PRIMARY KEY,
    title        VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    version      INTEGER       NOT NULL,
    revision     INTEGER       NOT NULL,
    author_id    VARCHAR(36)   NOT NULL,
    pass_mark    INTEGER       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX courses_author ON courses (author_id);
CREATE INDEX courses_status ON courses (status);

CREATE TABLE lessons (
    id        VARCHAR(36)     PRIMARY KEY,
    course_id VARCHAR(36)     NOT NULL REFERENCES courses (id),
    position  INTEGER         NOT NULL,
    title     VARCHAR(200)    NOT NULL,
    markdown  VARCHAR(100000) NOT NULL
);
CREATE INDEX lessons_course ON lessons (course_id, position);

CREATE TABLE questions (
    id          VARCHAR(36)   PRIMARY KEY,
    course_id   VARCHAR(36)   NOT NULL REFERENCES courses (id),
    position    INTEGER       NOT NULL,
    kind        VARCHAR(30)   NOT NULL,
    prompt      VARCHAR(2000) NOT NULL,
    options     VARCHAR(20000) NOT NULL,
    correct     VARCHAR(1000) NOT NULL,
    explanation VARCHAR(4000) NOT NULL
);
CREATE INDEX questions_course ON questions (course_id, position);
