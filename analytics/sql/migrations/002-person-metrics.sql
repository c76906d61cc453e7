-- Stored results of the graph metrics job: one row per computed period, one row per person
-- and period. Requests read these; they never run betweenness inline.

CREATE TABLE metric_periods (
  period_id VARCHAR PRIMARY KEY,      -- e.g. month:2026-10, quarter:2026-Q3, last30, custom:2026-01-01..2026-03-31
  kind VARCHAR NOT NULL,              -- all | month | quarter | last30 | last90 | custom
  from_day DATE NOT NULL,
  to_day DATE NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL,
  nodes INTEGER NOT NULL,
  edges INTEGER NOT NULL,
  communities INTEGER NOT NULL,
  betweenness_pivots INTEGER,         -- NULL = exact
  seconds DOUBLE NOT NULL,
  data_version INTEGER NOT NULL       -- newest import run at computation; older results are stale
);

CREATE TABLE person_metrics (
  period_id VARCHAR NOT NULL,
  person_id VARCHAR NOT NULL,
  in_strength DOUBLE NOT NULL,
  out_strength DOUBLE NOT NULL,
  responders INTEGER NOT NULL,        -- distinct people with an edge towards the person
  answered INTEGER NOT NULL,          -- distinct people the person replied to
  reach INTEGER NOT NULL,
  cross_department_reach INTEGER NOT NULL,
  department_entropy DOUBLE NOT NULL,
  pagerank DOUBLE NOT NULL,
  betweenness DOUBLE NOT NULL,
  hub DOUBLE NOT NULL,
  authority DOUBLE NOT NULL,
  community INTEGER,
  growth DOUBLE,                      -- NULL without a previous period
  posts INTEGER NOT NULL,
  comments INTEGER NOT NULL,
  network_size INTEGER NOT NULL,
  strong_ties INTEGER NOT NULL,
  diverse_ties INTEGER NOT NULL,
  balance VARCHAR NOT NULL,           -- engager | catalyst | responder | broadcaster | observer
  score DOUBLE,                       -- NULL for official and bot accounts (never ranked)
  rank INTEGER,
  roles VARCHAR NOT NULL,             -- ';'-separated
  expert_topics VARCHAR,              -- ';'-separated
  explanation VARCHAR NOT NULL,       -- JSON array of { component, value, percentile }
  PRIMARY KEY (period_id, person_id)
);
