-- IAM roles: the roles, their inline policies and the managed policies attached to them.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+. Documents are stored as written (validated
-- before they get here).

CREATE TABLE roles (
    account_id           VARCHAR(12)              NOT NULL,
    role_id              VARCHAR(128)             NOT NULL,
    role_name            VARCHAR(64)              NOT NULL,
    -- lower-cased role_name: role names are unique case-insensitively within an account, as in IAM
    name_key             VARCHAR(64)              NOT NULL,
    path                 VARCHAR(512)             NOT NULL,
    create_date          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the trust policy (AssumeRolePolicyDocument)
    trust_policy         VARCHAR(131072)          NOT NULL,
    description          VARCHAR(1000),
    max_session_duration INTEGER                  NOT NULL,
    -- the tags as a JSON array of {"Key","Value"} (at most 50 of 128 + 256 characters)
    tags                 VARCHAR(40000)           NOT NULL,
    CONSTRAINT roles_pk PRIMARY KEY (role_id),
    CONSTRAINT roles_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT roles_name_uk UNIQUE (account_id, name_key),
    CONSTRAINT roles_duration_ck CHECK (max_session_duration BETWEEN 3600 AND 43200)
);

CREATE TABLE role_policies (
    account_id  VARCHAR(12)     NOT NULL,
    role_id     VARCHAR(128)    NOT NULL,
    -- inline policy names are case-sensitive within a role
    policy_name VARCHAR(128)    NOT NULL,
    document    VARCHAR(131072) NOT NULL,
    CONSTRAINT role_policies_pk PRIMARY KEY (account_id, role_id, policy_name),
    -- a role with policies cannot be deleted (DeleteConflict), even by a delete racing a PutRolePolicy
    CONSTRAINT role_policies_role_fk FOREIGN KEY (role_id) REFERENCES roles (role_id)
);

CREATE TABLE role_policy_attachments (
    account_id VARCHAR(12)   NOT NULL,
    role_id    VARCHAR(128)  NOT NULL,
    policy_arn VARCHAR(2048) NOT NULL,
    CONSTRAINT role_policy_attachments_pk PRIMARY KEY (account_id, role_id, policy_arn),
    CONSTRAINT role_policy_attachments_role_fk FOREIGN KEY (role_id) REFERENCES roles (role_id),
    -- an attached policy cannot be deleted (DeleteConflict), even by a delete racing an AttachRolePolicy
    CONSTRAINT role_policy_attachments_policy_fk FOREIGN KEY (account_id, policy_arn)
        REFERENCES managed_policies (account_id, arn)
);
-- attachment counts and the foreign key check when a policy is deleted
CREATE INDEX role_policy_attachments_policy_ix ON role_policy_attachments (account_id, policy_arn);
-- the foreign key checks when a role is deleted (the primary keys lead with account_id)
CREATE INDEX role_policies_role_ix ON role_policies (role_id);
CREATE INDEX role_policy_attachments_role_ix ON role_policy_attachments (role_id);
