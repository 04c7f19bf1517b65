-- NOT_LEARNED, the outcome of a goal not learned, has 11 characters: V142's VARCHAR(10) refused it when closing a cycle.
ALTER TABLE learning_goals ALTER COLUMN outcome TYPE VARCHAR(12);
