CREATE TABLE teams (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    parent_id   VARCHAR(36)  REFERENCES teams (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX teams_name_unique ON teams (name);

CREATE TABLE people (
    id            VARCHAR(36)  PRIMARY KEY,
    name          VARCHAR(120) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255),
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX people_email_unique ON people (email);

CREATE TABLE person_roles (
    person_id VARCHAR(36) NOT NULL REFERENCES people (id),
    role      VARCHAR(20) NOT NULL,
    PRIMARY KEY (person_id, role)
);

CREATE TABLE team_members (
    team_id   VARCHAR(36) NOT NULL REFERENCES teams (id),
    person_id VARCHAR(36) NOT NULL REFERENCES people (id),
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_members_person ON team_members (person_id);

CREATE TABLE team_managers (
    team_id   VARCHAR(36) NOT NULL REFERENCES teams (id),
    person_id VARCHAR(36) NOT NULL REFERENCES people (id),
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_managers_person ON team_managers (person_id);

CREATE TABLE api_tokens (
    id          VARCHAR(36)  PRIMARY KEY,
    person_id   VARCHAR(36)  NOT NULL REFERENCES people (id),
    name        VARCHAR(100) NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    personal    BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_tokens_hash_unique ON api_tokens (token_hash);
CREATE INDEX api_tokens_person ON api_tokens (person_id);

CREATE TABLE sign_in_failures (
    email         VARCHAR(254) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
