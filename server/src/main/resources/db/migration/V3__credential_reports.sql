-- The latest credential report of each account: GenerateCredentialReport replaces it, GetCredentialReport reads it.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+ (BYTEA is an alias of BINARY VARYING in H2).

CREATE TABLE credential_reports (
    account_id     VARCHAR(12)              NOT NULL,
    -- when the report was built (whole seconds, as GeneratedTime is sent)
    generated_time TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the CSV in UTF-8, exactly as GetCredentialReport serves it
    content        BYTEA                    NOT NULL,
    CONSTRAINT credential_reports_pk PRIMARY KEY (account_id),
    CONSTRAINT credential_reports_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);
