-- The console's Users table (ListUserSummaries) sorted by creation date: an index that serves the order and the
-- keyset condition of a page, so that a page reads only its own rows at any number of users. Ties on the date are
-- broken by name_key, which is in the index too.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.
CREATE INDEX users_create_date_ix ON users (account_id, create_date, name_key);
