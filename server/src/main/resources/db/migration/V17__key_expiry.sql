-- Key expiry policies (issue 16 item 2, docs/key-hygiene.md "Expiry policies").
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

-- At most one policy per account, as JSON (io.keywarden.core.expiry.KeyExpiryPolicy's components).
CREATE TABLE key_expiry_policies (
    account_id VARCHAR(12)              NOT NULL,
    policy     VARCHAR(8192)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT key_expiry_policies_pk PRIMARY KEY (account_id),
    CONSTRAINT key_expiry_policies_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);

-- What the scheduler remembers about a key: each warning it gave ("warn:<rule>:<days>", so a warning is given once per
-- key and threshold, written in the transaction of its audit event) and since when it has seen the key Inactive
-- ("inactive"). Removed when the key is deleted by the policy; a key deleted otherwise leaves rows no one reads.
CREATE TABLE key_expiry_marks (
    account_id    VARCHAR(12)              NOT NULL,
    access_key_id VARCHAR(128)             NOT NULL,
    mark          VARCHAR(64)              NOT NULL,
    marked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT key_expiry_marks_pk PRIMARY KEY (account_id, access_key_id, mark)
);

-- The scheduler's lease: one node at a time applies the policy (the same table and rule as the audit retention's).
INSERT INTO audit_retention_lease (name, holder, expires_at) VALUES ('key-expiry', NULL, NULL);
