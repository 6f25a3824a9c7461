-- Console passwords: login profiles (an Argon2id hash in PHC form per IAM user or root user), the last hashes of
-- each (the password policy's reuse prevention), the sign-in failures that lock a user out (shared by every node),
-- the account password policy and the account alias.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

CREATE TABLE login_profiles (
    account_id              VARCHAR(12)              NOT NULL,
    -- the user's user_id, or the account ID for the root user (as access keys name their owner)
    owner_id                VARCHAR(128)             NOT NULL,
    -- null for the root user
    user_name               VARCHAR(64),
    password_hash           VARCHAR(512)             NOT NULL,
    create_date             TIMESTAMP WITH TIME ZONE NOT NULL,
    password_last_changed   TIMESTAMP WITH TIME ZONE NOT NULL,
    password_reset_required BOOLEAN                  NOT NULL,
    password_last_used      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_profiles_pk PRIMARY KEY (account_id, owner_id),
    CONSTRAINT login_profiles_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE password_history (
    account_id    VARCHAR(12)              NOT NULL,
    owner_id      VARCHAR(128)             NOT NULL,
    seq           BIGINT                   NOT NULL,
    password_hash VARCHAR(512)             NOT NULL,
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT password_history_pk PRIMARY KEY (account_id, owner_id, seq),
    CONSTRAINT password_history_profile_fk FOREIGN KEY (account_id, owner_id)
        REFERENCES login_profiles (account_id, owner_id) ON DELETE CASCADE
);

CREATE TABLE sign_in_failures (
    account_id   VARCHAR(12)              NOT NULL,
    owner_id     VARCHAR(128)             NOT NULL,
    -- consecutive failures since the last success or lock
    failures     INTEGER                  NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sign_in_failures_pk PRIMARY KEY (account_id, owner_id),
    CONSTRAINT sign_in_failures_profile_fk FOREIGN KEY (account_id, owner_id)
        REFERENCES login_profiles (account_id, owner_id) ON DELETE CASCADE
);

CREATE TABLE account_password_policies (
    account_id                    VARCHAR(12) NOT NULL,
    minimum_password_length       INTEGER     NOT NULL,
    require_symbols               BOOLEAN     NOT NULL,
    require_numbers               BOOLEAN     NOT NULL,
    require_uppercase_characters  BOOLEAN     NOT NULL,
    require_lowercase_characters  BOOLEAN     NOT NULL,
    allow_users_to_change_password BOOLEAN    NOT NULL,
    max_password_age              INTEGER,
    password_reuse_prevention     INTEGER,
    hard_expiry                   BOOLEAN     NOT NULL,
    CONSTRAINT account_password_policies_pk PRIMARY KEY (account_id),
    CONSTRAINT account_password_policies_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE account_aliases (
    account_id VARCHAR(12) NOT NULL,
    alias      VARCHAR(63) NOT NULL,
    -- one alias per account, and an alias names one account
    CONSTRAINT account_aliases_pk PRIMARY KEY (account_id),
    CONSTRAINT account_aliases_alias_uk UNIQUE (alias),
    CONSTRAINT account_aliases_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);
