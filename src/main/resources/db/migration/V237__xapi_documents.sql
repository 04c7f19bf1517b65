-- xAPI documents (issue 19): the State, Activity Profile and Agent Profile resources. A document is kept as the bytes
-- it was sent as, with its content type, so a binary document comes back unchanged; JSON ones are merged on POST.
-- `doc_key` is the SHA-256 of everything that names one document (kind, activity, agent, registration, id): ids and
-- IRIs may be long, and a unique index on the hash stays small on both databases. `scope_key` names the set a GET
-- without an id lists (kind, activity, agent); `registration` narrows a state's set when it is given.
CREATE TABLE xapi_documents (
    doc_key      CHAR(64)                 NOT NULL PRIMARY KEY,
    scope_key    CHAR(64)                 NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    activity_id  VARCHAR(2048),
    agent        VARCHAR(2048),
    registration VARCHAR(36),
    document_id  VARCHAR(2048)            NOT NULL,
    content_type VARCHAR(255)             NOT NULL,
    content      BYTEA                    NOT NULL,
    etag         CHAR(40)                 NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX xapi_documents_scope ON xapi_documents (scope_key, updated_at);

-- The canonical definition of each activity the LRS has heard of (GET /xapi/activities): merged from the statements
-- that carry one, newest wins per property and per language.
CREATE TABLE xapi_activities (
    activity_key CHAR(64)                 NOT NULL PRIMARY KEY,
    activity_id  VARCHAR(2048)            NOT NULL,
    definition   TEXT                     NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
