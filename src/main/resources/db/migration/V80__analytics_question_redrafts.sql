-- A question an author redrafted from item analysis: which question replaced which, in which version, by whom.
-- Question ids stay the same across versions and a replacement gets a new one, so the pair is enough to find
-- both questions' answers in the learning record after publication.
CREATE TABLE question_redrafts (
    id              VARCHAR(36)   PRIMARY KEY,
    course_id       VARCHAR(36)   NOT NULL,
    old_question_id VARCHAR(36)   NOT NULL,
    new_question_id VARCHAR(36)   NOT NULL,
    -- the published version the old question was analysed in; NULL when the course was not published yet
    from_version    INTEGER,
    -- the version the new question was written into (published as that version, once approved)
    made_in_version INTEGER       NOT NULL,
    redrafted_by    VARCHAR(36)   NOT NULL,
    redrafted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX question_redrafts_course ON question_redrafts (course_id, redrafted_at);
