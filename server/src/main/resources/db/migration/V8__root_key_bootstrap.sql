-- When the root user's first access key was issued (or configured): the bootstrap runs once per account, recorded
-- here, so that deleting the root key sticks across restarts and nodes. Accounts that exist already were bootstrapped
-- at their first start.
ALTER TABLE accounts ADD COLUMN root_key_bootstrapped_at TIMESTAMP WITH TIME ZONE;
UPDATE accounts SET root_key_bootstrapped_at = create_date;
