-- Whether learners see where a reused lesson or question comes from ("from Running an EBR v3 by Maya Chen") in the
-- lesson player (issue 18). Authors and reviewers always see it. Off until an admin turns it on.
CREATE TABLE reuse_settings (
    id                        VARCHAR(36) PRIMARY KEY,
    show_origin_to_learners   BOOLEAN     NOT NULL,
    updated_by                VARCHAR(36),
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO reuse_settings (id, show_origin_to_learners, updated_by, updated_at)
VALUES ('organization', FALSE, NULL, CURRENT_TIMESTAMP);
