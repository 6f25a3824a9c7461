-- Master key rotation. Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.
-- The master key version each live secret is sealed under (the v<version>: prefix of sealed_secret), so that the
-- versions in use are counted from an index at start-up; NULL for deleted keys (their secret is wiped). Until now
-- every secret was sealed under version 1.
ALTER TABLE access_keys ADD COLUMN sealed_version INTEGER;
UPDATE access_keys SET sealed_version = 1 WHERE deleted_at IS NULL;
CREATE INDEX access_keys_sealed_version_ix ON access_keys (sealed_version);

-- The background re-seal: one row. The lease (holder, expiry) is taken and renewed by conditional UPDATEs, so that
-- one node at a time re-seals; the progress (target version, cursor, count) lets a run go on after a restart.
CREATE TABLE master_key_reseal (
    id               VARCHAR(16)              NOT NULL,
    target_version   INTEGER,
    lease_holder     VARCHAR(200),
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    -- the last access key ID handled by the run towards target_version
    cursor_key_id    VARCHAR(128),
    resealed         BIGINT                   NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    last_batch_at    TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    CONSTRAINT master_key_reseal_pk PRIMARY KEY (id)
);
INSERT INTO master_key_reseal (id, resealed) VALUES ('secrets', 0);
