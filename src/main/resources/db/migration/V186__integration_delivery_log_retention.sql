-- Delivered rows older than stride.integration.keep-delivered are pruned from the delivery log by this index.
CREATE INDEX webhook_deliveries_delivered ON webhook_deliveries (status, delivered_at);
