-- Console sessions revoked by "Sign out" before they expire: every node keeps the IDs in memory (loaded at start, kept
-- current through the change feed) and refuses requests signed with them. A row is useless once the session has
-- expired and is pruned then.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

CREATE TABLE revoked_sessions (
    access_key_id VARCHAR(32)              NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT revoked_sessions_pk PRIMARY KEY (access_key_id)
);

CREATE INDEX revoked_sessions_expiry_ix ON revoked_sessions (expires_at);
