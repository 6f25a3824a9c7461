-- Keywarden foundation schema. Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.
-- Every table carries the account ID so that several accounts can be hosted later.

CREATE TABLE accounts (
    id          VARCHAR(12)              NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT accounts_pk PRIMARY KEY (id)
);

CREATE TABLE users (
    account_id  VARCHAR(12)              NOT NULL,
    user_id     VARCHAR(128)             NOT NULL,
    user_name   VARCHAR(64)              NOT NULL,
    -- lower-cased user_name: names are unique case-insensitively within an account
    name_key    VARCHAR(64)              NOT NULL,
    path        VARCHAR(512)             NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (user_id),
    CONSTRAINT users_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT users_name_uk UNIQUE (account_id, name_key)
);

CREATE TABLE access_keys (
    access_key_id     VARCHAR(128)             NOT NULL,
    account_id        VARCHAR(12)              NOT NULL,
    -- the owning user's user_id, or the account ID for the root user's keys
    owner_id          VARCHAR(128)             NOT NULL,
    -- the owning user's name (user names never change); NULL for the root user
    owner_name        VARCHAR(64),
    status            VARCHAR(16)              NOT NULL,
    create_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- AES-256-GCM sealed secret (v<master key version>:<base64>); never the secret in clear
    sealed_secret     VARCHAR(512)             NOT NULL,
    -- 1..max-per-user while the key lives; NULL once deleted (NULLs never collide in a UNIQUE constraint),
    -- so the unique constraint below is what enforces the per-user key limit under concurrency
    slot              SMALLINT,
    -- set when the key is deleted; the row stays so that the ID is never issued again
    deleted_at        TIMESTAMP WITH TIME ZONE,
    last_used_date    TIMESTAMP WITH TIME ZONE,
    last_used_service VARCHAR(64),
    last_used_region  VARCHAR(64),
    CONSTRAINT access_keys_pk PRIMARY KEY (access_key_id),
    CONSTRAINT access_keys_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT access_keys_slot_uk UNIQUE (account_id, owner_id, slot),
    CONSTRAINT access_keys_status_ck CHECK (status IN ('Active', 'Inactive')),
    CONSTRAINT access_keys_slot_ck CHECK (slot IS NULL OR slot >= 1),
    CONSTRAINT access_keys_live_ck CHECK ((slot IS NULL) = (deleted_at IS NOT NULL))
);
-- the unique constraint's index also serves look-ups by (account_id, owner_id)
