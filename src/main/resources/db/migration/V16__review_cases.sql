CREATE TABLE review_cases (
    id          VARCHAR(36)  PRIMARY KEY,
    course_id   VARCHAR(36)  NOT NULL REFERENCES courses (id),
    version     INTEGER      NOT NULL,
    tier        VARCHAR(10)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    author_id   VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX review_cases_course ON review_cases (course_id);
CREATE INDEX review_cases_status ON review_cases (status);

CREATE TABLE review_steps (
    case_id     VARCHAR(36)  NOT NULL REFERENCES review_cases (id),
    position    INTEGER      NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    decided_by  VARCHAR(36),
    decided_at  TIMESTAMP WITH TIME ZONE,
    comment     VARCHAR(4000),
    PRIMARY KEY (case_id, position)
);

CREATE TABLE review_comments (
    id          VARCHAR(36)   PRIMARY KEY,
    case_id     VARCHAR(36)   NOT NULL REFERENCES review_cases (id),
    author_id   VARCHAR(36)   NOT NULL,
    anchor      VARCHAR(200),
    body        VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX review_comments_case ON review_comments (case_id);

-- Who edited a course version: they may not approve it.
CREATE TABLE course_editors (
    course_id   VARCHAR(36) NOT NULL,
    version     INTEGER     NOT NULL,
    person_id   VARCHAR(36) NOT NULL,
    PRIMARY KEY (course_id, version, person_id)
);
