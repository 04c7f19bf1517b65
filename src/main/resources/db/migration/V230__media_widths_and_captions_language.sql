-- Narrower copies of an image (issue 18), for srcset: kept by the same store as the image, under their own SHA-256.
CREATE TABLE media_widths (
    media_id VARCHAR(36) NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    width    INTEGER     NOT NULL,
    height   INTEGER     NOT NULL,
    bytes    BIGINT      NOT NULL,
    sha256   CHAR(64)    NOT NULL,
    PRIMARY KEY (media_id, width)
);
CREATE INDEX media_widths_sha ON media_widths (sha256);

-- The language of a video's captions (a BCP 47 tag such as "en" or "de-CH"), for the track's srclang and label.
ALTER TABLE media ADD COLUMN captions_language VARCHAR(35);
