-- Mastery: the organization's default criterion, local criteria per team and course (with the observed checklist
-- and the experts named for it), sign-offs, each learner's best quiz score, and when mastery was reached.
CREATE TABLE mastery_settings (
    id         VARCHAR(36) PRIMARY KEY,
    pass_mark  INTEGER     NOT NULL,
    revision   INTEGER     NOT NULL,
    updated_by VARCHAR(36),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO mastery_settings (id, pass_mark, revision, updated_by, updated_at)
VALUES ('organization', 80, 1, NULL, CURRENT_TIMESTAMP);

CREATE TABLE mastery_criteria (
    team_id            VARCHAR(36) NOT NULL,
    course_id          VARCHAR(36) NOT NULL,
    pass_mark          INTEGER,
    successful_reviews INTEGER,
    revision           INTEGER     NOT NULL,
    updated_by         VARCHAR(36) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, course_id)
);
CREATE INDEX mastery_criteria_course ON mastery_criteria (course_id);

CREATE TABLE mastery_experts (
    team_id   VARCHAR(36) NOT NULL,
    course_id VARCHAR(36) NOT NULL,
    person_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (team_id, course_id, person_id)
);
CREATE INDEX mastery_experts_person ON mastery_experts (person_id);

CREATE TABLE checklist_tasks (
    id         VARCHAR(36)  PRIMARY KEY,
    team_id    VARCHAR(36)  NOT NULL,
    course_id  VARCHAR(36)  NOT NULL,
    title      VARCHAR(300) NOT NULL,
    position   INTEGER      NOT NULL,
    created_by VARCHAR(36)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX checklist_tasks_team_course ON checklist_tasks (team_id, course_id, position);

CREATE TABLE checklist_sign_offs (
    id          VARCHAR(36)   PRIMARY KEY,
    task_id     VARCHAR(36)   NOT NULL REFERENCES checklist_tasks (id) ON DELETE CASCADE,
    person_id   VARCHAR(36)   NOT NULL,
    signed_by   VARCHAR(36)   NOT NULL,
    signer_name VARCHAR(200)  NOT NULL,
    observed_on DATE          NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT checklist_sign_offs_once UNIQUE (task_id, person_id)
);
CREATE INDEX checklist_sign_offs_person ON checklist_sign_offs (person_id);

-- Best quiz score per learner and course, kept from assessment's QuizAttempted events; attempts made before
-- this migration are read once here.
CREATE TABLE mastery_scores (
    person_id  VARCHAR(36) NOT NULL,
    course_id  VARCHAR(36) NOT NULL,
    best_score INTEGER     NOT NULL,
    PRIMARY KEY (person_id, course_id)
);
INSERT INTO mastery_scores (person_id, course_id, best_score)
SELECT person_id, course_id, MAX(score) FROM attempts GROUP BY person_id, course_id;

-- A row while a learner has mastered a course: the xAPI "mastered" statement is recorded when it is added.
CREATE TABLE masteries (
    person_id   VARCHAR(36) NOT NULL,
    course_id   VARCHAR(36) NOT NULL,
    mastered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, course_id)
);
