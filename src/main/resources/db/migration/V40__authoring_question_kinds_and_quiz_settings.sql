-- What makes an answer right for the kinds beyond choice and ordering, and where a question is asked.
ALTER TABLE questions ADD COLUMN scoring VARCHAR(20);
-- short answer: accepted alternatives (JSON array) and the semantic-match threshold (null = text match only)
ALTER TABLE questions ADD COLUMN accepted VARCHAR(20000);
ALTER TABLE questions ADD COLUMN similarity DOUBLE PRECISION;
-- numeric: {"value", "tolerance", "unit"} as JSON, decimals kept exact
ALTER TABLE questions ADD COLUMN numeric_answer VARCHAR(200);
-- matching: the right-hand items (JSON array)
ALTER TABLE questions ADD COLUMN matches VARCHAR(20000);
-- a knowledge check after this lesson; null = a question of the final quiz
ALTER TABLE questions ADD COLUMN lesson_id VARCHAR(36);

-- How the final quiz is taken; null = no limit / all questions.
ALTER TABLE courses ADD COLUMN attempt_limit INTEGER;
ALTER TABLE courses ADD COLUMN time_limit_minutes INTEGER;
ALTER TABLE courses ADD COLUMN draw_count INTEGER;
ALTER TABLE courses ADD COLUMN shuffle_options BOOLEAN DEFAULT FALSE NOT NULL;
