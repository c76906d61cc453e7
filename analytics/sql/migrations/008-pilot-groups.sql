-- Saved pilot groups: a named group with the request that built it (JSON: size, period, quotas,
-- exclusions, pool) and its members in pick order (JSON array of person ids), plus the figures
-- at the time of saving. Members are person-level data: only the `person` area reads this table,
-- and deleting a group deletes its members. Opted-out members are hidden when a group is read.

CREATE SEQUENCE pilot_group_seq START 1;

CREATE TABLE pilot_groups (
  group_id INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR NOT NULL,        -- user name from the access configuration, or 'local'
  period_from DATE NOT NULL,
  period_to DATE NOT NULL,
  request VARCHAR NOT NULL,           -- the builder request as JSON
  members VARCHAR NOT NULL,           -- person ids in pick order, as a JSON array
  reached INTEGER NOT NULL,           -- colleagues reached when saved
  population INTEGER NOT NULL         -- colleagues of the period when saved
);
