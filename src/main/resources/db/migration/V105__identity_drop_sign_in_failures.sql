-- sign-in throttling moved into memory with growing waits (docs/decisions/0015-sign-in-throttling.md)
DROP TABLE sign_in_failures;
