-- One reaction per learner and lesson; reacting again changes it. Lesson ids stay the same across versions.
CREATE TABLE lesson_reactions (
    person_id   VARCHAR(36)   NOT NULL,
    lesson_id   VARCHAR(36)   NOT NULL,
    course_id   VARCHAR(36)   NOT NULL,
    version     INTEGER       NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    comment     VARCHAR(1000),
    reacted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, lesson_id)
);
CREATE INDEX lesson_reactions_course ON lesson_reactions (course_id);

-- "Unclear" and "outdated" reactions ask the course's author to improve a lesson. An open request follows the
-- learner's reaction (changed kind or comment; withdrawn when they change it to "helpful"); the author resolves it
-- with a reply to the learner.
CREATE TABLE improvement_requests (
    id           VARCHAR(36)   PRIMARY KEY,
    course_id    VARCHAR(36)   NOT NULL,
    lesson_id    VARCHAR(36)   NOT NULL,
    lesson_title VARCHAR(200)  NOT NULL,
    version      INTEGER       NOT NULL,
    person_id    VARCHAR(36)   NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    comment      VARCHAR(1000),
    status       VARCHAR(20)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reply        VARCHAR(2000),
    resolved_by  VARCHAR(36),
    resolved_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX improvement_requests_course ON improvement_requests (course_id, status);
CREATE INDEX improvement_requests_learner ON improvement_requests (person_id, lesson_id);
