-- "Draft from this commission" carries the commission into drafting: the drafts started from it, and the courses
-- created from those drafts. Publishing one of those courses closes the commission; another course of its author
-- does not. No foreign keys: drafts are forgotten by drafting's housekeeping, courses belong to authoring.
CREATE TABLE commission_drafts (
    draft_id           VARCHAR(36)   PRIMARY KEY,
    commission_id      VARCHAR(36)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX commission_drafts_by_commission ON commission_drafts (commission_id);

CREATE TABLE commission_courses (
    course_id          VARCHAR(36)   PRIMARY KEY,
    commission_id      VARCHAR(36)   NOT NULL,
    draft_id           VARCHAR(36),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX commission_courses_by_commission ON commission_courses (commission_id);
