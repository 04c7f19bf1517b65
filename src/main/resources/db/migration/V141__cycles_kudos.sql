-- Kudos: one person thanks another for help with learning or for a course that helped. The giver's name is kept as
-- it was when they wrote, like a validator's, so that a thank-you stays readable after its giver leaves.
-- goal_id is for the learning goals still to come; nothing sets it yet.
CREATE TABLE kudos (
    id          VARCHAR(36)  PRIMARY KEY,
    from_person VARCHAR(36)  NOT NULL,
    from_name   VARCHAR(200) NOT NULL,
    to_person   VARCHAR(36)  NOT NULL,
    message     VARCHAR(500) NOT NULL,
    course_id   VARCHAR(36),
    goal_id     VARCHAR(36),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX kudos_by_recipient ON kudos (to_person, created_at);
CREATE INDEX kudos_by_time ON kudos (created_at);
-- the daily limit counts what a person gave today
CREATE INDEX kudos_by_giver ON kudos (from_person, created_at);
