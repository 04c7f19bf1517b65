-- What a session's interventions need beyond the core: the observed task a practice intervention asks to sign off,
-- a proposed goal's answer (TAKEN or LEFT by the person it was proposed to), and when it last changed.
ALTER TABLE interventions ADD COLUMN task_id VARCHAR(36);
ALTER TABLE interventions ADD COLUMN answer VARCHAR(10);
ALTER TABLE interventions ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
-- "addressed to you": a person's interventions as owner (interventions_by_owner) or as the person named
CREATE INDEX interventions_by_person ON interventions (person_id, status);
