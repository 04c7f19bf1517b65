-- Per-element versions for the outline editor (issue 18): each lesson and question has its own revision, so two
-- authors editing different elements of one course never conflict, and a save on the same element is refused with
-- both texts. The outline (order, modules, adding and removing) has its own revision, and the course's settings
-- theirs; courses.revision still guards the whole-course save and moves on every change.
ALTER TABLE lessons ADD COLUMN revision INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE questions ADD COLUMN revision INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE courses ADD COLUMN outline_revision INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE courses ADD COLUMN settings_revision INTEGER DEFAULT 1 NOT NULL;
-- the outline revision a move of this element produced: a move made on an older outline is refused only when the
-- same element was moved since (other moves are made on the outline as it is now)
ALTER TABLE lessons ADD COLUMN moved_in INTEGER;
ALTER TABLE questions ADD COLUMN moved_in INTEGER;

-- Each saved revision of an element (content as JSON), for undo and for showing "theirs" in a conflict.
CREATE TABLE element_revisions (
    course_id  VARCHAR(36)      NOT NULL REFERENCES courses (id),
    element_id VARCHAR(36)      NOT NULL,
    revision   INTEGER          NOT NULL,
    kind       VARCHAR(20)      NOT NULL,  -- LESSON, QUESTION (final quiz), KNOWLEDGE_CHECK
    content    VARCHAR(200000)  NOT NULL,
    saved_by   VARCHAR(36),
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    restores   INTEGER,                  -- set when this revision is an undo: the earlier revision it put back
    PRIMARY KEY (course_id, element_id, revision)
);

-- Elements removed in the outline editor, kept so that "Restore" puts them back where they were (a lesson with
-- its knowledge checks).
CREATE TABLE removed_elements (
    course_id  VARCHAR(36)      NOT NULL REFERENCES courses (id),
    element_id VARCHAR(36)      NOT NULL,
    kind       VARCHAR(20)      NOT NULL,
    lesson_id  VARCHAR(36),
    position   INTEGER          NOT NULL,
    content    VARCHAR(1000000) NOT NULL,
    removed_by VARCHAR(36)      NOT NULL,
    removed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, element_id)
);
