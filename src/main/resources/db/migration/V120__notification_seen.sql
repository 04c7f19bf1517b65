-- The count in the navigation is of notifications not seen yet: opening the list clears it, while each one stays
-- unread until it is read. Notifications read before this change count as seen.
ALTER TABLE notifications ADD COLUMN seen_at TIMESTAMP WITH TIME ZONE;
UPDATE notifications SET seen_at = read_at WHERE read_at IS NOT NULL;
