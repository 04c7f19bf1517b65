-- When item analysis flags a question; one row for the organization, changed by admins. The revision guards
-- against two admins overwriting each other.
CREATE TABLE item_analysis_thresholds (
    id                  VARCHAR(36)      PRIMARY KEY,
    too_easy            DOUBLE PRECISION NOT NULL,
    too_hard            DOUBLE PRECISION NOT NULL,
    weak_discrimination DOUBLE PRECISION NOT NULL,
    revision            INTEGER          NOT NULL,
    updated_by          VARCHAR(36),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO item_analysis_thresholds (id, too_easy, too_hard, weak_discrimination, revision, updated_by, updated_at)
VALUES ('organization', 0.90, 0.30, 0.25, 1, NULL, CURRENT_TIMESTAMP);
