-- Peer validation: the owner of a goal asks a colleague to validate what was learned. A validator answers once
-- (VALIDATED, NOT_YET) or declines; capability_validation_id names the capability validation a qualified VALIDATED
-- answer recorded (it counts toward the "validated by N people holding the level" rule).
CREATE TABLE goal_validation_requests (
    id                        VARCHAR(36)   PRIMARY KEY,
    goal_id                   VARCHAR(36)   NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    requester_id              VARCHAR(36)   NOT NULL,
    validator_id              VARCHAR(36)   NOT NULL,
    message                   VARCHAR(1000),
    status                    VARCHAR(10)   NOT NULL,
    note                      VARCHAR(1000),
    capability_validation_id  VARCHAR(36),
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at               TIMESTAMP WITH TIME ZONE,
    reminded_at               TIMESTAMP WITH TIME ZONE,
    CONSTRAINT goal_validation_requests_once UNIQUE (goal_id, validator_id)
);
CREATE INDEX goal_validation_requests_by_validator ON goal_validation_requests (validator_id, status);
CREATE INDEX goal_validation_requests_open ON goal_validation_requests (status, created_at);

-- offers of help on a goal that is looking for help
CREATE TABLE goal_help_offers (
    id           VARCHAR(36)   PRIMARY KEY,
    goal_id      VARCHAR(36)   NOT NULL REFERENCES learning_goals (id) ON DELETE CASCADE,
    helper_id    VARCHAR(36)   NOT NULL,
    helper_name  VARCHAR(200)  NOT NULL,
    message      VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT goal_help_offers_once UNIQUE (goal_id, helper_id)
);
CREATE INDEX goal_help_offers_by_helper ON goal_help_offers (helper_id);
