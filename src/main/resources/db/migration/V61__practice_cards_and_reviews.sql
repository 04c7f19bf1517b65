-- Spaced review: one card per learner and question of a course they completed, with its FSRS memory state,
-- and one row per review. A review's number is the card's review count before it, so a retried answer
-- (double click, reload) meets the unique key instead of being counted twice. Reviews stay when a card goes
-- (its question left a new version of the course): they were real reviews.
CREATE TABLE practice_cards (
    id             VARCHAR(36)      PRIMARY KEY,
    person_id      VARCHAR(36)      NOT NULL,
    course_id      VARCHAR(36)      NOT NULL,
    question_id    VARCHAR(100)     NOT NULL,
    stability      DOUBLE PRECISION NOT NULL,
    difficulty     DOUBLE PRECISION NOT NULL,
    reviews        INTEGER          NOT NULL,
    lapses         INTEGER          NOT NULL,
    last_review_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_on         DATE             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT practice_cards_question UNIQUE (person_id, course_id, question_id)
);
CREATE INDEX practice_cards_due ON practice_cards (person_id, due_on);

CREATE TABLE practice_reviews (
    id            VARCHAR(36)      PRIMARY KEY,
    card_id       VARCHAR(36)      NOT NULL,
    person_id     VARCHAR(36)      NOT NULL,
    course_id     VARCHAR(36)      NOT NULL,
    question_id   VARCHAR(100)     NOT NULL,
    review_number INTEGER          NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_on   DATE             NOT NULL,
    rating        VARCHAR(10)      NOT NULL,
    correct       BOOLEAN          NOT NULL,
    selected      VARCHAR(500)     NOT NULL,
    elapsed_days  INTEGER          NOT NULL,
    stability     DOUBLE PRECISION NOT NULL,
    difficulty    DOUBLE PRECISION NOT NULL,
    due_on        DATE             NOT NULL,
    CONSTRAINT practice_reviews_once UNIQUE (card_id, review_number)
);
CREATE INDEX practice_reviews_day ON practice_reviews (person_id, reviewed_on);
CREATE INDEX practice_reviews_course ON practice_reviews (person_id, course_id);
