-- Webhook retention (docs/webhooks.md "Retention"): delivered and given-up deliveries and the delivery log are deleted
-- after keywarden.webhooks.retention, by one node at a time. Pending deliveries are never deleted.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

-- closed deliveries by when they closed, and attempts by when they happened: what retention looks for
CREATE INDEX webhook_outbox_done_ix ON webhook_outbox (state, done_at);
CREATE INDEX webhook_attempts_time_ix ON webhook_attempts (attempted_at);

-- the retention run's lease, in the lease table of V11 (a conditional UPDATE: free, expired or already the holder's)
INSERT INTO audit_retention_lease (name, holder, expires_at) VALUES ('webhook-retention', NULL, NULL);
