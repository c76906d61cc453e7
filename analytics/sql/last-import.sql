-- The newest successful import and the sources all successful imports came from: the data basis
-- the monthly report's footnote names. No parameters.
-- Output: one row. source, finishedAt (UTC, ISO 8601): the newest run with status 'ok' (NULL
-- without one); sources: the distinct sources of the runs with status 'ok', sorted.
SELECT
  (SELECT source FROM import_runs WHERE status = 'ok' ORDER BY run_id DESC LIMIT 1) AS source,
  (SELECT strftime(timezone('UTC', finished_at), '%Y-%m-%dT%H:%M:%SZ') FROM import_runs WHERE status = 'ok' ORDER BY run_id DESC LIMIT 1) AS "finishedAt",
  (SELECT coalesce(list(DISTINCT source ORDER BY source), []) FROM import_runs WHERE status = 'ok') AS sources
