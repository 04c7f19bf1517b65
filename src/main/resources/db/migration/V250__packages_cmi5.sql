-- cmi5 course structures imported as courses (issue 19, ADR 0037). Each AU is a package item (the lesson that plays
-- it carries the item's id, as a SCO's does); what cmi5 says of it beyond that is kept here. au_iri is the AU's id,
-- the activity its statements and state are about; a remote AU's url is absolute and nothing of it is stored.
CREATE TABLE cmi5_aus (
    item_id            VARCHAR(36)   PRIMARY KEY REFERENCES package_items (id) ON DELETE CASCADE,
    package_id         VARCHAR(36)   NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    au_iri             VARCHAR(1000) NOT NULL,
    course_iri         VARCHAR(1000) NOT NULL,
    url                VARCHAR(2000) NOT NULL,
    remote             BOOLEAN       NOT NULL,
    move_on            VARCHAR(20)   NOT NULL,
    mastery_score      DOUBLE PRECISION,
    launch_method      VARCHAR(20)   NOT NULL,
    launch_parameters  VARCHAR(4000),
    entitlement_key    VARCHAR(1000)
);

CREATE INDEX cmi5_aus_package ON cmi5_aus (package_id);

-- One registration per learner and package, kept across sessions (cmi5 §9.6.1), and the course's satisfaction.
CREATE TABLE cmi5_registrations (
    id            VARCHAR(36)   PRIMARY KEY,
    package_id    VARCHAR(36)   NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
    person_id     VARCHAR(36)   NOT NULL,
    course_id     VARCHAR(36)   NOT NULL,
    satisfied_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cmi5_registrations_once UNIQUE (package_id, person_id)
);

-- What the AU's statements achieved in a registration; moved on once its moveOn holds, or when waived.
CREATE TABLE cmi5_au_progress (
    registration_id  VARCHAR(36)  NOT NULL REFERENCES cmi5_registrations (id) ON DELETE CASCADE,
    item_id          VARCHAR(36)  NOT NULL REFERENCES package_items (id) ON DELETE CASCADE,
    completed        BOOLEAN      DEFAULT FALSE NOT NULL,
    passed           BOOLEAN      DEFAULT FALSE NOT NULL,
    failed           BOOLEAN      DEFAULT FALSE NOT NULL,
    satisfied_at     TIMESTAMP WITH TIME ZONE,
    waived_by        VARCHAR(36),
    waived_reason    VARCHAR(500),
    PRIMARY KEY (registration_id, item_id)
);

-- A launch of an AU: the session id, the one-time fetch URL's key (its SHA-256) and the auth-token's key and secret
-- (its SHA-256; the token itself waits in pending_token only until the fetch URL hands it out, then it is gone), and
-- where the session stands. A session ends with terminated or abandoned; its token with it.
CREATE TABLE cmi5_sessions (
    id               VARCHAR(36)  PRIMARY KEY,
    registration_id  VARCHAR(36)  NOT NULL REFERENCES cmi5_registrations (id) ON DELETE CASCADE,
    item_id          VARCHAR(36)  NOT NULL REFERENCES package_items (id) ON DELETE CASCADE,
    person_id        VARCHAR(36)  NOT NULL,
    lesson_id        VARCHAR(36)  NOT NULL,
    fetch_hash       VARCHAR(64)  NOT NULL,
    fetched_at       TIMESTAMP WITH TIME ZONE,
    token_key        VARCHAR(64)  NOT NULL,
    secret_hash      VARCHAR(64)  NOT NULL,
    pending_token    VARCHAR(200),
    launched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    initialized_at   TIMESTAMP WITH TIME ZONE,
    terminated_at    TIMESTAMP WITH TIME ZONE,
    abandoned_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT cmi5_sessions_fetch UNIQUE (fetch_hash),
    CONSTRAINT cmi5_sessions_token UNIQUE (token_key)
);

CREATE INDEX cmi5_sessions_open ON cmi5_sessions (registration_id, item_id, launched_at);
