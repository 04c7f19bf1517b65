-- Review policy per risk tier, editable by admins. steps: "name|WHO;name|WHO" in order (WHO: TOPIC, COMPLIANCE, ANY).
CREATE TABLE review_policies (
    tier                VARCHAR(10)  PRIMARY KEY,
    steps               VARCHAR(1000) NOT NULL,
    sla_hours           INTEGER      NOT NULL,
    review_months       INTEGER      NOT NULL,
    spot_check_days     INTEGER,
    recertify_on_change BOOLEAN      NOT NULL,
    recertify_months    INTEGER,
    updated_at          TIMESTAMP WITH TIME ZONE,
    updated_by          VARCHAR(36)
);
INSERT INTO review_policies (tier, steps, sla_hours, review_months, spot_check_days, recertify_on_change, recertify_months)
VALUES ('LOW', '', 120, 24, 14, FALSE, NULL);
INSERT INTO review_policies (tier, steps, sla_hours, review_months, spot_check_days, recertify_on_change, recertify_months)
VALUES ('MEDIUM', 'Reviewer|TOPIC', 72, 12, NULL, FALSE, NULL);
INSERT INTO review_policies (tier, steps, sla_hours, review_months, spot_check_days, recertify_on_change, recertify_months)
VALUES ('HIGH', 'Subject-matter expert|TOPIC;Compliance|COMPLIANCE', 48, 12, NULL, TRUE, 12);

-- The topic a course is about, which routes it to that topic's reviewers.
ALTER TABLE courses ADD COLUMN topic VARCHAR(100);

-- What a reviewer may review: topics, all topics (L&D), compliance.
CREATE TABLE reviewer_profiles (
    person_id      VARCHAR(36)   PRIMARY KEY,
    topics         VARCHAR(1000),
    learning_team  BOOLEAN       NOT NULL,
    compliance     BOOLEAN       NOT NULL
);

ALTER TABLE review_steps ADD COLUMN who VARCHAR(20) DEFAULT 'ANY' NOT NULL;
ALTER TABLE review_cases ADD COLUMN kind VARCHAR(20) DEFAULT 'BEFORE_PUBLISHING' NOT NULL;
ALTER TABLE review_cases ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_cases ADD COLUMN topic VARCHAR(100);

-- Threads: a reply names the comment it answers; a resolved thread records who resolved it and when.
ALTER TABLE review_comments ADD COLUMN parent_id VARCHAR(36);
ALTER TABLE review_comments ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_comments ADD COLUMN resolved_by VARCHAR(36);
ALTER TABLE review_comments ADD COLUMN course_id VARCHAR(36);
ALTER TABLE review_comments ADD COLUMN version INTEGER;
UPDATE review_comments SET course_id = (SELECT course_id FROM review_cases WHERE review_cases.id = review_comments.case_id),
    version = (SELECT version FROM review_cases WHERE review_cases.id = review_comments.case_id);
CREATE INDEX review_comments_course ON review_comments (course_id, version);
