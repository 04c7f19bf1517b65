-- Course templates: the parts a course must have, length limits, tone terms and accessibility rules that the
-- quality panel checks a course against. Exactly one template is the default (kept so by the application).
CREATE TABLE course_templates (
    id                   VARCHAR(36)   PRIMARY KEY,
    name                 VARCHAR(120)  NOT NULL,
    description          VARCHAR(2000) NOT NULL,
    requires_objectives  BOOLEAN       NOT NULL,
    requires_summary     BOOLEAN       NOT NULL,
    requires_quiz        BOOLEAN       NOT NULL,
    min_questions        INTEGER       NOT NULL,
    max_questions        INTEGER,
    max_lesson_words     INTEGER,
    max_course_words     INTEGER,
    -- banned term -> preferred replacement, as a JSON array of {"term", "preferred"}
    tone_terms           VARCHAR(20000) NOT NULL,
    images_need_alt      BOOLEAN       NOT NULL,
    descriptive_links    BOOLEAN       NOT NULL,
    heading_order        BOOLEAN       NOT NULL,
    no_all_caps          BOOLEAN       NOT NULL,
    table_headers        BOOLEAN       NOT NULL,
    is_default           BOOLEAN       NOT NULL,
    revision             INTEGER       NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX course_templates_name ON course_templates (name);

-- The template an author chose for a course; a course without a row is checked against the default.
CREATE TABLE course_template_choice (
    course_id    VARCHAR(36) PRIMARY KEY,
    template_id  VARCHAR(36) NOT NULL REFERENCES course_templates (id)
);
CREATE INDEX course_template_choice_template ON course_template_choice (template_id);

-- The template chosen on the drafting form, until the draft becomes a course. Drafts are forgotten after a
-- while, so these rows are too (no foreign key to drafts, which are deleted by drafting's housekeeping).
CREATE TABLE draft_template_choice (
    draft_id     VARCHAR(36) PRIMARY KEY,
    template_id  VARCHAR(36) NOT NULL REFERENCES course_templates (id),
    chosen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX draft_template_choice_template ON draft_template_choice (template_id);

INSERT INTO course_templates (id, name, description, requires_objectives, requires_summary, requires_quiz,
        min_questions, max_questions, max_lesson_words, max_course_words, tone_terms, images_need_alt,
        descriptive_links, heading_order, no_all_caps, table_headers, is_default, revision, updated_at)
VALUES ('00000000-0000-4000-8000-000000000001', 'Stride standard',
        'Objectives, a summary and a knowledge check; short lessons in plain words; accessible to everyone.',
        TRUE, TRUE, TRUE, 1, NULL, 600, 6000,
        '[{"term":"utilize","preferred":"use"},{"term":"leverage","preferred":"use"},{"term":"in order to","preferred":"to"},{"term":"prior to","preferred":"before"},{"term":"going forward","preferred":"from now on"}]',
        TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, 1, CURRENT_TIMESTAMP);
