-- sessions signed in before this moment end at their next request (a password change signs out other sessions)
ALTER TABLE people ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
