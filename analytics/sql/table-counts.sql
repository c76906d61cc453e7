-- Row counts of the canonical tables, for the health check. No parameters. One row.
SELECT
  (SELECT count(*) FROM people)::INTEGER AS people,
  (SELECT count(*) FROM spaces)::INTEGER AS spaces,
  (SELECT count(*) FROM content)::INTEGER AS content,
  (SELECT count(*) FROM events)::INTEGER AS events,
  (SELECT count(*) FROM interactions)::INTEGER AS interactions,
  (SELECT count(*) FROM social)::INTEGER AS social,
  (SELECT count(*) FROM programmes)::INTEGER AS programmes,
  (SELECT count(*) FROM import_runs)::INTEGER AS "importRuns",
  (SELECT count(*) FROM import_rejects)::INTEGER AS "importRejects"
