-- The learning period an ALLOCATE_HOURS intervention put its hours into (learning_periods), so that deleting the
-- intervention or changing its hours takes them back from the same period.
ALTER TABLE interventions ADD COLUMN hours_period_id VARCHAR(36);
