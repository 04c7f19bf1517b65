CREATE TABLE assignments (
    id          VARCHAR(36) PRIMARY KEY,
    course_id   VARCHAR(36) NOT NULL REFERENCES courses (id),
    team_id     VARCHAR(36) NOT NULL REFERENCES teams (id),
    due_date    DATE,
    assigned_by VARCHAR(36) NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX assignments_course_team ON assignments (course_id, team_id);
CREATE INDEX assignments_team ON assignments (team_id);

CREATE TABLE lesson_reads (
    person_id  VARCHAR(36) NOT NULL,
    course_id  VARCHAR(36) NOT NULL,
    lesson_id  VARCHAR(36) NOT NULL,
    first_read_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, lesson_id)
);
CREATE INDEX lesson_reads_course ON lesson_reads (person_id, course_id);

-- A read model kept in step with the learning record in the same transaction.
CREATE TABLE progress (
    person_id    VARCHAR(36) NOT NULL,
    course_id    VARCHAR(36) NOT NULL,
    status       VARCHAR(20) NOT NULL,
    best_score   INTEGER,
    attempts     INTEGER     NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (person_id, course_id)
);
CREATE INDEX progress_course ON progress (course_id);
