-- The catalogue's own read of every live course (published and not retired), kept by the catalog module from
-- authoring's, delivery's and feedback's events instead of reading their tables on every search. search_text is the
-- live version's words in lower case (title, description, objectives, lessons, questions), never the JSON they are
-- stored in; words counts them for the length filter. learners and the reaction counts follow delivery's and
-- feedback's events; score is the reaction score as feedback shows it (null under 5 reactions).
CREATE TABLE catalog_entries (
    course_id    VARCHAR(36)      PRIMARY KEY,
    version      INTEGER          NOT NULL,
    title        VARCHAR(200)     NOT NULL,
    title_lower  VARCHAR(200)     NOT NULL,
    description  VARCHAR(4000)    NOT NULL,
    lessons      INTEGER          NOT NULL,
    words        INTEGER          NOT NULL,
    search_text  VARCHAR(1000000) NOT NULL,
    author_id    VARCHAR(36)      NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    learners     INTEGER          NOT NULL DEFAULT 0,
    helpful      INTEGER          NOT NULL DEFAULT 0,
    unclear      INTEGER          NOT NULL DEFAULT 0,
    outdated     INTEGER          NOT NULL DEFAULT 0,
    score        INTEGER
);

-- "most used" and the catalogue without words read these in order, a page at a time
CREATE INDEX catalog_entries_by_use ON catalog_entries (learners DESC, title_lower, course_id);
CREATE INDEX catalog_entries_by_publication ON catalog_entries (published_at DESC);
CREATE INDEX catalog_entries_by_author ON catalog_entries (author_id);
