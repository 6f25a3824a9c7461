-- Keys by owner: the credential report and every ListUsers page (key age) read the keys of many users at once with
-- "owner_id IN (...)". The unique (account_id, owner_id, slot) index cannot serve that on H2, which then scanned
-- every key of the account per statement (a ListUsers page took 60-90 ms, a credential report minutes, at 200,000
-- keys). owner_id is a user ID (AIDA...) or, for the root user, the account ID: unique across accounts.
CREATE INDEX access_keys_owner_ix ON access_keys (owner_id);
