-- The audit trail stored in segments (SPEC §7, docs/operations.md): one row per run of consecutive events of an
-- account's chain instead of one indexed row per event, because every API call, reads included, appends an event and
-- the per-event row with its five indexes was the cost that limited signed reads (docs/performance.md).
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

-- One row per segment: which positions and times it covers (small rows, so that a look-up by time walks them without
-- reading any events).
CREATE TABLE audit_segments (
    account_id  VARCHAR(12)              NOT NULL,
    first_seq   BIGINT                   NOT NULL,
    last_seq    BIGINT                   NOT NULL,
    event_count INTEGER                  NOT NULL,
    min_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    max_time    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_segments_pk PRIMARY KEY (account_id, first_seq),
    CONSTRAINT audit_segments_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);

-- The segment's events as io.keywarden.core.audit.AuditSegmentCodec writes them: each event's canonical form (the
-- very bytes its hash covers) and its hash; at most 1,000 events and about 512 KB a segment.
CREATE TABLE audit_segment_events (
    account_id VARCHAR(12) NOT NULL,
    first_seq  BIGINT      NOT NULL,
    events     BYTEA       NOT NULL,
    CONSTRAINT audit_segment_events_pk PRIMARY KEY (account_id, first_seq),
    CONSTRAINT audit_segment_events_segment_fk FOREIGN KEY (account_id, first_seq)
        REFERENCES audit_segments (account_id, first_seq)
);

-- What a look-up may filter on, once per segment and value: field 'k' access key ID, 'u' user name, 'n' event name.
-- A filtered look-up walks this index newest first and reads only the segments that hold the value.
CREATE TABLE audit_segment_terms (
    account_id VARCHAR(12)  NOT NULL,
    field      CHAR(1)      NOT NULL,
    term       VARCHAR(128) NOT NULL,
    first_seq  BIGINT       NOT NULL,
    CONSTRAINT audit_segment_terms_pk PRIMARY KEY (account_id, field, term, first_seq)
);
