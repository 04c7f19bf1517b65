-- Recordings being transcribed (issue 14, docs/decisions/0025-recordings.md). The job's state lives here, not in a
-- node's memory, so that any node answers the page's polling and an unfinished job is taken up again after a
-- restart: a worker holds a job only while its lease (claimed_until) runs, renewing it as it goes.
CREATE TABLE recordings (
    id              VARCHAR(36)   PRIMARY KEY,
    owner_id        VARCHAR(36)   NOT NULL,
    file_name       VARCHAR(200)  NOT NULL,
    extension       VARCHAR(10)   NOT NULL,
    duration_millis BIGINT        NOT NULL,
    keep_recording  BOOLEAN       NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    chunks_total    INTEGER       NOT NULL,
    chunks_done     INTEGER       NOT NULL,
    stage           VARCHAR(300)  NOT NULL,
    error           VARCHAR(2000),
    draft_id        VARCHAR(36),
    claimed_by      VARCHAR(36),
    claimed_until   TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX recordings_owner ON recordings (owner_id, created_at);
CREATE INDEX recordings_waiting ON recordings (status, claimed_until);

-- The parts the recording is cut into at silences; a part that is done has its segments stored and is never sent
-- again.
CREATE TABLE recording_chunks (
    recording_id    VARCHAR(36)   NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    chunk_index     INTEGER       NOT NULL,
    start_millis    BIGINT        NOT NULL,
    end_millis      BIGINT        NOT NULL,
    done            BOOLEAN       NOT NULL,
    PRIMARY KEY (recording_id, chunk_index)
);

-- What was said, with times from the start of the recording (the chunk's start added); the author may correct the
-- text, never the times.
CREATE TABLE recording_segments (
    recording_id    VARCHAR(36)   NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    chunk_index     INTEGER       NOT NULL,
    position        INTEGER       NOT NULL,
    start_millis    BIGINT        NOT NULL,
    end_millis      BIGINT        NOT NULL,
    text            VARCHAR(4000) NOT NULL,
    -- counts the author's corrections, so that a correction made on an old copy is refused, not written over another
    version         INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (recording_id, chunk_index, position)
);

-- The recording a draft was made from, so that the draft page can play the moment a citation points to.
ALTER TABLE drafts ADD COLUMN recording_id VARCHAR(36);
