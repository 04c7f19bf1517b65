-- Drafts between drafting and "create course": the CourseDraft as JSON, owned by the person who drafted it.
CREATE TABLE drafts (
    id          VARCHAR(36)     PRIMARY KEY,
    owner_id    VARCHAR(36)     NOT NULL,
    title       VARCHAR(400)    NOT NULL,
    content     VARCHAR(1000000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX drafts_owner ON drafts (owner_id, created_at);

-- The organization's tone list for the quality panel: a banned or discouraged term and what to say instead.
CREATE TABLE style_terms (
    id          VARCHAR(36)  PRIMARY KEY,
    term        VARCHAR(100) NOT NULL,
    preferred   VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX style_terms_term ON style_terms (term);
