-- sign-in throttling moved into memory with growing waits (docs/decisions/0016-sign-in-throttling.md)
DROP TABLE sign_in_failures;
