-- Failed sign-ins counted per client address (A), per account (C) and per address on an account (P), shared by
-- every node (ADR 0044); rows are forgotten a quarter of an hour after their last failure.
CREATE TABLE sign_in_failures (
    kind         VARCHAR(1)               NOT NULL,
    subject      VARCHAR(400)             NOT NULL,
    failures     INTEGER                  NOT NULL,
    last_failure TIMESTAMP WITH TIME ZONE NOT NULL,
    not_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, subject)
);
CREATE INDEX sign_in_failures_last_failure ON sign_in_failures (last_failure);
