-- What happened that a person should know: shown in the app, and sent by email when SMTP is configured.
CREATE TABLE notifications (
    id          VARCHAR(36)   PRIMARY KEY,
    person_id   VARCHAR(36)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(4000),
    link        VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at     TIMESTAMP WITH TIME ZONE,
    emailed     BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX notifications_person ON notifications (person_id, created_at);
