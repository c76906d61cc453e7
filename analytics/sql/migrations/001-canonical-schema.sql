-- Canonical tables of DESIGN.md plus import bookkeeping and the daily activity rollup.
-- Ids are opaque strings; platform importers namespace them ("slack:U123"), so an id is
-- unique across sources and the key (source, id) reduces to the id.

CREATE SEQUENCE import_run_seq START 1;

CREATE TABLE import_runs (
  run_id INTEGER PRIMARY KEY,
  source VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  status VARCHAR NOT NULL,            -- running | ok | failed
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  files_read INTEGER DEFAULT 0,
  rows_read INTEGER DEFAULT 0,
  loaded VARCHAR,                     -- JSON object: table -> rows loaded
  duplicates INTEGER DEFAULT 0,
  rejected INTEGER DEFAULT 0,
  placeholders INTEGER DEFAULT 0,
  message VARCHAR
);

CREATE TABLE import_rejects (
  run_id INTEGER NOT NULL,
  file VARCHAR NOT NULL,
  line INTEGER,
  column_name VARCHAR,
  value VARCHAR,
  raw VARCHAR,
  reason VARCHAR NOT NULL
);

CREATE TABLE people (
  person_id VARCHAR PRIMARY KEY,
  department VARCHAR,
  location VARCHAR,
  job_title VARCHAR,
  manager_id VARCHAR,
  employed_from DATE,
  employed_to DATE,
  registered_at TIMESTAMPTZ,
  account_type VARCHAR NOT NULL DEFAULT 'person',
  is_placeholder BOOLEAN NOT NULL DEFAULT false,
  source VARCHAR NOT NULL,
  run_id INTEGER
);

-- Names and e-mails live only here, apart from analytics; this table can stay empty.
CREATE TABLE identities (
  person_id VARCHAR PRIMARY KEY,
  display_name VARCHAR,
  email VARCHAR
);

CREATE TABLE spaces (
  space_id VARCHAR PRIMARY KEY,
  name VARCHAR,
  kind VARCHAR,
  is_official BOOLEAN NOT NULL DEFAULT false,
  source VARCHAR NOT NULL,
  run_id INTEGER
);

CREATE TABLE content (
  content_id VARCHAR NOT NULL,
  author_id VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  day DATE NOT NULL,                  -- local calendar day in the configured time zone
  kind VARCHAR NOT NULL,              -- post | comment
  parent_id VARCHAR,
  format VARCHAR NOT NULL DEFAULT 'text',
  space_id VARCHAR,
  title VARCHAR,
  body VARCHAR,
  topics VARCHAR,
  external_url VARCHAR,
  is_question BOOLEAN NOT NULL DEFAULT false,
  body_length INTEGER,
  source VARCHAR NOT NULL,
  run_id INTEGER
);

CREATE TABLE events (
  event_id VARCHAR NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  day DATE NOT NULL,
  actor_id VARCHAR NOT NULL,
  action VARCHAR NOT NULL,            -- view | reaction | share | mention | praise | login | join
  content_id VARCHAR,
  target_id VARCHAR,
  detail VARCHAR,
  source VARCHAR NOT NULL,
  run_id INTEGER
);

CREATE TABLE interactions (
  interaction_id VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  target_id VARCHAR NOT NULL,
  occurred_at TIMESTAMPTZ,
  day DATE,
  channel VARCHAR,
  weight DOUBLE NOT NULL DEFAULT 1,
  source VARCHAR NOT NULL,
  run_id INTEGER
);

CREATE TABLE social (
  period_start DATE NOT NULL,
  account VARCHAR NOT NULL,
  platform VARCHAR NOT NULL,
  followers INTEGER,
  posts INTEGER,
  impressions INTEGER,
  reactions INTEGER,
  comments INTEGER,
  shares INTEGER,
  source VARCHAR NOT NULL,
  run_id INTEGER,
  PRIMARY KEY (period_start, account, platform)
);

CREATE TABLE programmes (
  programme VARCHAR NOT NULL,
  person_id VARCHAR NOT NULL,
  joined_on DATE NOT NULL,
  left_on DATE,
  source VARCHAR NOT NULL,
  run_id INTEGER,
  PRIMARY KEY (programme, person_id, joined_on)
);

-- One row per person and local day with any activity: what the adoption metrics read.
CREATE TABLE activity_daily (
  person_id VARCHAR NOT NULL,
  day DATE NOT NULL,
  posts INTEGER NOT NULL,
  comments INTEGER NOT NULL,
  reactions INTEGER NOT NULL,
  shares INTEGER NOT NULL,
  views INTEGER NOT NULL,
  other_events INTEGER NOT NULL
);
