-- A receiver that stays down no longer makes its queue grow without bound: once its oldest waiting event is older than
-- stride.integration.pause-after-age or more than pause-after-waiting events wait, the subscription is paused (admins
-- are told), nothing more is queued for it, and an admin's "resume" delivers what was kept, in order.
ALTER TABLE webhook_subscriptions ADD COLUMN paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_subscriptions ADD COLUMN paused_reason VARCHAR(300);

-- One row, locked by each transaction just before it commits while it queues its events (Outbox): seq is then taken
-- in commit order, so a deliverer that sends by seq never sends an event before one committed earlier.
CREATE TABLE webhook_outbox_order (
    id          INTEGER PRIMARY KEY,
    locked_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO webhook_outbox_order (id) VALUES (1);
