-- A high-investment step (a certification, an external programme) opens only once the person's manager approves it.
ALTER TABLE track_step_progress ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE track_step_progress ADD COLUMN approved_by VARCHAR(36);
