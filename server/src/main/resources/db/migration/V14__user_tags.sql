-- Users' tags (TagUser, UntagUser, ListUserTags, CreateUser's Tags). An access key's description is one of them:
-- the tag whose key is the access key ID, as AWS's console stores it. Portable SQL: runs on H2 2.x (MODE=PostgreSQL)
-- and PostgreSQL 13+.

CREATE TABLE user_tags (
    account_id VARCHAR(12)  NOT NULL,
    user_id    VARCHAR(128) NOT NULL,
    -- lower-cased tag_key: a user's tag keys are unique ignoring case, as in IAM
    key_fold   VARCHAR(128) NOT NULL,
    tag_key    VARCHAR(128) NOT NULL,
    tag_value  VARCHAR(256) NOT NULL,
    CONSTRAINT user_tags_pk PRIMARY KEY (user_id, key_fold),
    -- a user's tags go with the user (DeleteUser does not ask for them to be removed first, as in IAM)
    CONSTRAINT user_tags_user_fk FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
