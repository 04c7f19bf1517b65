-- When learners see the right answers of the final quiz; existing quizzes take the safe default.
ALTER TABLE courses ADD COLUMN answers_shown VARCHAR(40) DEFAULT 'ONCE_PASSED_OR_OUT_OF_ATTEMPTS' NOT NULL;
