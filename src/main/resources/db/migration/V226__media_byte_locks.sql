-- A row per stored content hash, locked (SELECT ... FOR UPDATE) by an upload while it stores the bytes and records
-- its file, and by a deletion while it decides whether anything still uses the bytes: an upload of identical bytes
-- and a deletion of the last file using them then happen one after the other, never interleaved.
CREATE TABLE media_byte_locks (
    sha256 VARCHAR(64) PRIMARY KEY
);
