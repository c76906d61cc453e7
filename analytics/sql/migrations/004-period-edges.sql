-- The aggregated interaction graph of every stored metrics period, so that ties, the network
-- map and the department matrix read stored edges instead of aggregating events per request.
CREATE TABLE period_edges (
  period_id VARCHAR NOT NULL,
  source VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  weight DOUBLE NOT NULL,
  comments INTEGER NOT NULL,
  reactions INTEGER NOT NULL,
  shares INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  interactions INTEGER NOT NULL
);

-- Per person and period: how many people of each department they reached (reach as in
-- person-reach.sql), for the profile's "departments reached".
CREATE TABLE person_department_reach (
  period_id VARCHAR NOT NULL,
  person_id VARCHAR NOT NULL,
  department VARCHAR,
  people INTEGER NOT NULL
);
