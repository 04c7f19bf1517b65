-- One live calendar feed per person and per team, kept by the database: two "make my feed" requests at once each
-- revoked the feed before and added their own, leaving two live URLs. live_key is 'P:<person>' or 'T:<team>' while
-- the feed is live and NULL once it is revoked (a unique constraint allows many NULLs, on PostgreSQL and H2 alike).
ALTER TABLE calendar_feeds ADD COLUMN live_key VARCHAR(40);

-- such a race may already have left two live feeds: the newest stays, the others are revoked
UPDATE calendar_feeds SET revoked_at = created_at
WHERE revoked_at IS NULL AND EXISTS (SELECT 1 FROM calendar_feeds n WHERE n.revoked_at IS NULL
    AND ((n.person_id = calendar_feeds.person_id) OR (n.team_id = calendar_feeds.team_id))
    AND (n.created_at > calendar_feeds.created_at OR (n.created_at = calendar_feeds.created_at AND n.id > calendar_feeds.id)));
UPDATE calendar_feeds SET live_key = CASE WHEN person_id IS NOT NULL THEN 'P:' || person_id ELSE 'T:' || team_id END
WHERE revoked_at IS NULL;
ALTER TABLE calendar_feeds ADD CONSTRAINT calendar_feeds_one_live UNIQUE (live_key);
