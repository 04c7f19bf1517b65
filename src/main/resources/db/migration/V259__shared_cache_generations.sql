-- What a node keeps in memory for a while (the catalogue's filter choices) is checked against a generation here
-- before it is used: the node where something changed moves the generation on, so every node reads afresh at once
-- instead of serving what it kept until it expires.
CREATE TABLE cache_generations (
    name VARCHAR(64) NOT NULL PRIMARY KEY,
    generation BIGINT NOT NULL
);

INSERT INTO cache_generations (name, generation) VALUES ('catalog-choices', 0);
