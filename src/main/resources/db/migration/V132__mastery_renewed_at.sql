-- A mastery shown again (a passing attempt after it was reached) renews it: evidence that expires counts from then.
ALTER TABLE masteries ADD COLUMN renewed_at TIMESTAMP WITH TIME ZONE;
