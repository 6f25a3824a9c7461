-- Audit retention (issue 14, docs/operations.md "Audit retention"): segments older than the retention are archived to
-- a file and pruned behind a signed checkpoint, from which verification then starts.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

-- Per account, where the stored chain starts: the last archived event's position and chain hash, its time, the archive
-- file that holds it, when the checkpoint was made, and an HMAC-SHA256 over all of it under a key derived from the
-- master key (io.keywarden.core.audit.AuditCheckpointSigner). Replaced, never deleted, by each archive run.
CREATE TABLE audit_checkpoints (
    account_id      VARCHAR(12)              NOT NULL,
    last_seq        BIGINT                   NOT NULL,
    last_hash       VARCHAR(64)              NOT NULL,
    last_event_time TIMESTAMP WITH TIME ZONE NOT NULL,
    archive         VARCHAR(256)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    key_version     INTEGER                  NOT NULL,
    signature       VARCHAR(64)              NOT NULL,
    CONSTRAINT audit_checkpoints_pk PRIMARY KEY (account_id),
    CONSTRAINT audit_checkpoints_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);

-- The lease that lets one node at a time archive: taken by a conditional UPDATE (free, expired, or already ours).
CREATE TABLE audit_retention_lease (
    name       VARCHAR(64)              NOT NULL,
    holder     VARCHAR(128),
    expires_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT audit_retention_lease_pk PRIMARY KEY (name)
);
INSERT INTO audit_retention_lease (name, holder, expires_at) VALUES ('audit-retention', NULL, NULL);
