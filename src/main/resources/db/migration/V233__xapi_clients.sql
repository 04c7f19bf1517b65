-- Outside tools' keys for the LRS (/xapi, HTTP Basic). The secret is random and kept only as its SHA-256.
CREATE TABLE xapi_clients (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    client_key  VARCHAR(40)  NOT NULL,
    secret_hash VARCHAR(64)  NOT NULL,
    scopes      VARCHAR(200) NOT NULL,
    created_by  VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX xapi_clients_key ON xapi_clients (client_key);
