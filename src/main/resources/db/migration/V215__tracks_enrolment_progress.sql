-- Enrolments and progress (issue 18, slice 4): each progress row keeps the step's place in the track as the person's
-- team followed it (so "the current step" is one query), and the release run that opened it (so the nightly job reads
-- back exactly what it released, to tell each person once and record each release).
ALTER TABLE track_step_progress ADD COLUMN position INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE track_step_progress ADD COLUMN release_run VARCHAR(36);
CREATE INDEX track_step_progress_run ON track_step_progress (release_run);
-- the managers' inbox: requests waiting, oldest first
CREATE INDEX track_enrolments_waiting ON track_enrolments (status, requested_at);
