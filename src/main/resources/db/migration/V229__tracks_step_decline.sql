-- A manager may decline a high-investment step whose turn has come, with a reason the person reads; the step stays
-- closed and waits for approval, which the manager may still give later (approving clears the decline).
ALTER TABLE track_step_progress ADD COLUMN declined_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE track_step_progress ADD COLUMN declined_by VARCHAR(36);
ALTER TABLE track_step_progress ADD COLUMN decline_reason VARCHAR(1000);
