-- Open Badges 3.0: badge definitions with one machine criterion each, the credentials issued when it holds (signed
-- W3C Verifiable Credentials, stored as issued and served verbatim), and the installation's Ed25519 signing key.
CREATE TABLE badge_definitions (
    id                   VARCHAR(36)   PRIMARY KEY,
    name                 VARCHAR(120)  NOT NULL,
    description          VARCHAR(1000) NOT NULL,
    criteria             VARCHAR(2000) NOT NULL,
    kind                 VARCHAR(40)   NOT NULL,
    capability_id        VARCHAR(36),
    level_rank           INTEGER,
    min_validated_goals  INTEGER,
    course_id            VARCHAR(36),
    status               VARCHAR(10)   NOT NULL,
    revision             INTEGER       NOT NULL,
    created_by           VARCHAR(36)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX badge_definitions_capability ON badge_definitions (capability_id);
CREATE INDEX badge_definitions_course ON badge_definitions (course_id);

-- The capabilities and levels a badge is aligned with (shown and put in the credential's achievement).
CREATE TABLE badge_alignments (
    badge_id       VARCHAR(36) NOT NULL REFERENCES badge_definitions (id) ON DELETE CASCADE,
    capability_id  VARCHAR(36) NOT NULL,
    level_rank     INTEGER     NOT NULL,
    PRIMARY KEY (badge_id, capability_id)
);

-- active_key is badge_id:person_id while the credential is not revoked and NULL after: one valid credential per badge
-- and person (a revoked one may be followed by a new one), in a unique index that H2 and PostgreSQL both keep.
-- status_index is the credential's bit in the revocation status list.
CREATE TABLE badge_credentials (
    id              VARCHAR(36)   PRIMARY KEY,
    badge_id        VARCHAR(36)   NOT NULL REFERENCES badge_definitions (id),
    person_id       VARCHAR(36)   NOT NULL,
    person_name     VARCHAR(200)  NOT NULL,
    active_key      VARCHAR(80),
    status_index    INTEGER       NOT NULL,
    credential      TEXT          NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      VARCHAR(36),
    revoked_reason  VARCHAR(500),
    CONSTRAINT badge_credentials_active UNIQUE (active_key),
    CONSTRAINT badge_credentials_status_index UNIQUE (status_index)
);
CREATE INDEX badge_credentials_person ON badge_credentials (person_id, issued_at);
CREATE INDEX badge_credentials_badge ON badge_credentials (badge_id, person_id);

-- The next free status list index, taken under the row's lock.
CREATE TABLE badge_status_counter (
    id          INTEGER PRIMARY KEY,
    next_index  INTEGER NOT NULL
);
INSERT INTO badge_status_counter (id, next_index) VALUES (1, 0);

-- The installation's signing key (one row), generated on first use unless stride.badges.key-file names one.
CREATE TABLE badge_keys (
    id           VARCHAR(20) PRIMARY KEY,
    public_key   BYTEA       NOT NULL,
    private_key  BYTEA       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
