-- Privacy and access: the opt-out list, the audit log of person-level views and exports,
-- and the record of retention pruning.

CREATE TABLE opt_outs (
  person_id VARCHAR PRIMARY KEY,      -- as stored in people (pseudonymised when configured)
  added_at TIMESTAMPTZ NOT NULL,
  note VARCHAR
);

CREATE SEQUENCE audit_seq START 1;

CREATE TABLE audit_log (
  audit_id INTEGER PRIMARY KEY,
  logged_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR NOT NULL,             -- user name from the access configuration, or 'local'
  role VARCHAR NOT NULL,
  action VARCHAR NOT NULL,            -- e.g. 'view person', 'export csv'
  target VARCHAR,                     -- the path (and person id) looked at
  filters VARCHAR                     -- the query string as JSON
);

CREATE TABLE prune_log (
  pruned_at TIMESTAMPTZ NOT NULL,
  cutoff DATE NOT NULL,
  content INTEGER NOT NULL,
  events INTEGER NOT NULL,
  interactions INTEGER NOT NULL,
  actor VARCHAR NOT NULL
);
