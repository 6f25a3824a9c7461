-- RoleLastUsed of GetRole: when a session of the role last made a request, and in which region (the region of its
-- signature's scope). Written in batches by the last-used recorder, latest wins; null until a session is used.
-- Portable SQL: runs on H2 2.x (MODE=PostgreSQL) and PostgreSQL 13+.

ALTER TABLE roles ADD COLUMN last_used_date TIMESTAMP WITH TIME ZONE;
ALTER TABLE roles ADD COLUMN last_used_region VARCHAR(64);
