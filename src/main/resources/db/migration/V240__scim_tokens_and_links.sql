-- SCIM 2.0 provisioning: the bearer tokens identity providers present (only a SHA-256 hash is kept), and what SCIM
-- knows about the people and teams it provisions beyond what identity holds: the provider's externalId, the
-- attributes Stride does not use (kept so that a provider reads back what it wrote), when SCIM created and last
-- changed them, and whether the provider deleted them (a person stays, deactivated; a team stays with its history).
CREATE TABLE scim_tokens (
    id           VARCHAR(36)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_by   VARCHAR(36)  NOT NULL REFERENCES people (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX scim_tokens_hash ON scim_tokens (token_hash);

CREATE TABLE scim_users (
    person_id     VARCHAR(36)   PRIMARY KEY REFERENCES people (id),
    external_id   VARCHAR(255),
    attributes    VARCHAR(16000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX scim_users_external_id ON scim_users (external_id);

CREATE TABLE scim_groups (
    team_id       VARCHAR(36)  PRIMARY KEY REFERENCES teams (id),
    external_id   VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX scim_groups_external_id ON scim_groups (external_id);
