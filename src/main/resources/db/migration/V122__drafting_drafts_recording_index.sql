-- deleting a recording unlinks the drafts made from it: found by index, not by reading every draft
CREATE INDEX drafts_recording ON drafts (recording_id);
