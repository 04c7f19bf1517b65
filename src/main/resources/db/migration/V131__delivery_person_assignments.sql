-- Assignments to one person (a manager's "assign the missing course"), beside the team assignments.
CREATE TABLE person_assignments (
    id          VARCHAR(36)  PRIMARY KEY,
    course_id   VARCHAR(36)  NOT NULL REFERENCES courses (id),
    person_id   VARCHAR(36)  NOT NULL,
    due_date    DATE,
    reason      VARCHAR(300),
    assigned_by VARCHAR(36)  NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX person_assignments_course_person ON person_assignments (course_id, person_id);
CREATE INDEX person_assignments_person ON person_assignments (person_id);
