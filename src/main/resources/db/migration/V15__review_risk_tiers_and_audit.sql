ALTER TABLE courses ADD COLUMN risk_tier VARCHAR(10) DEFAULT 'LOW' NOT NULL;
ALTER TABLE courses ADD COLUMN tier_reason VARCHAR(1000);
ALTER TABLE courses ADD COLUMN review_by DATE;

-- The audit log: append-only; the application has no statement that updates or deletes it.
CREATE TABLE audit_events (
    id           VARCHAR(36)   PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     VARCHAR(36),
    actor_name   VARCHAR(120),
    action       VARCHAR(60)   NOT NULL,
    subject_type VARCHAR(30)   NOT NULL,
    subject_id   VARCHAR(36)   NOT NULL,
    subject_name VARCHAR(200),
    detail       VARCHAR(2000)
);
CREATE INDEX audit_events_time ON audit_events (occurred_at);
CREATE INDEX audit_events_subject ON audit_events (subject_id);
