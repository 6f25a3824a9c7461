-- Permissions: inline user policies, customer-managed policies and their attachments to users.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+. Documents are stored as written (validated
-- before they get here); 131072 characters is the policy language's own limit.

CREATE TABLE user_policies (
    account_id  VARCHAR(12)     NOT NULL,
    user_id     VARCHAR(128)    NOT NULL,
    -- inline policy names are case-sensitive within a user
    policy_name VARCHAR(128)    NOT NULL,
    document    VARCHAR(131072) NOT NULL,
    CONSTRAINT user_policies_pk PRIMARY KEY (account_id, user_id, policy_name),
    -- a user with policies cannot be deleted (DeleteConflict), even by a delete racing a PutUserPolicy
    CONSTRAINT user_policies_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id)
);

CREATE TABLE managed_policies (
    account_id  VARCHAR(12)              NOT NULL,
    policy_id   VARCHAR(128)             NOT NULL,
    policy_name VARCHAR(128)             NOT NULL,
    -- lower-cased policy_name: managed policy names are unique case-insensitively within an account, as in IAM
    name_key    VARCHAR(128)             NOT NULL,
    path        VARCHAR(512)             NOT NULL,
    arn         VARCHAR(2048)            NOT NULL,
    document    VARCHAR(131072)          NOT NULL,
    description VARCHAR(1000)            NOT NULL,
    create_date TIMESTAMP WITH TIME ZONE NOT NULL,
    update_date TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT managed_policies_pk PRIMARY KEY (policy_id),
    CONSTRAINT managed_policies_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT managed_policies_name_uk UNIQUE (account_id, name_key),
    CONSTRAINT managed_policies_arn_uk UNIQUE (account_id, arn)
);

CREATE TABLE user_policy_attachments (
    account_id VARCHAR(12)   NOT NULL,
    user_id    VARCHAR(128)  NOT NULL,
    policy_arn VARCHAR(2048) NOT NULL,
    CONSTRAINT user_policy_attachments_pk PRIMARY KEY (account_id, user_id, policy_arn),
    CONSTRAINT user_policy_attachments_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id),
    -- an attached policy cannot be deleted (DeleteConflict), even by a delete racing an AttachUserPolicy
    CONSTRAINT user_policy_attachments_policy_fk FOREIGN KEY (account_id, policy_arn)
        REFERENCES managed_policies (account_id, arn)
);
-- attachment counts and the foreign key check when a policy is deleted
CREATE INDEX user_policy_attachments_policy_ix ON user_policy_attachments (account_id, policy_arn);
-- the foreign key checks when a user is deleted (the primary keys lead with account_id)
CREATE INDEX user_policies_user_ix ON user_policies (user_id);
CREATE INDEX user_policy_attachments_user_ix ON user_policy_attachments (user_id);
