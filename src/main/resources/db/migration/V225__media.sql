-- Images, videos and captions files in lessons (issue 18). A file belongs to a course; its bytes are kept by the
-- configured store (stride.media.store) under their SHA-256, so the same bytes uploaded twice are kept once.
CREATE TABLE media (
    id                VARCHAR(36)   PRIMARY KEY,
    course_id         VARCHAR(36)   NOT NULL REFERENCES courses (id),
    kind              VARCHAR(10)   NOT NULL,  -- IMAGE, VIDEO, CAPTIONS
    content_type      VARCHAR(100)  NOT NULL,  -- what Stride wrote or checked, never what the client said
    bytes             BIGINT        NOT NULL,
    width             INTEGER,
    height            INTEGER,
    alt               VARCHAR(1000),           -- an image's alt text; empty only when marked decorative
    decorative        BOOLEAN       NOT NULL DEFAULT FALSE,
    title             VARCHAR(300),
    captions_media_id VARCHAR(36),             -- a video's WebVTT captions (a CAPTIONS row)
    sha256            CHAR(64)      NOT NULL,
    file_name         VARCHAR(255)  NOT NULL,
    storage           VARCHAR(10)   NOT NULL,  -- DATABASE, DIRECTORY
    uploaded_by       VARCHAR(36)   NOT NULL,
    uploaded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX media_course ON media (course_id, uploaded_at);
CREATE INDEX media_sha ON media (sha256);

-- The database store: a file's bytes in chunks, so that a range of a video is read without reading all of it.
CREATE TABLE media_chunks (
    sha256 CHAR(64) NOT NULL,
    seq    INTEGER  NOT NULL,
    bytes  BYTEA    NOT NULL,
    PRIMARY KEY (sha256, seq)
);

-- Which published versions of a course show a file: learners may read it, and it may not be deleted.
CREATE TABLE media_published (
    media_id  VARCHAR(36) NOT NULL,
    course_id VARCHAR(36) NOT NULL,
    version   INTEGER     NOT NULL,
    PRIMARY KEY (media_id, course_id, version)
);
CREATE INDEX media_published_course ON media_published (course_id, version);
