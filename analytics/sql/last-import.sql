-- The newest import run. No parameters. Output: zero or one row.
SELECT run_id AS "runId", source, path, status, strftime(started_at, '%Y-%m-%dT%H:%M:%S%z') AS "startedAt",
  strftime(finished_at, '%Y-%m-%dT%H:%M:%S%z') AS "finishedAt", rows_read AS "rowsRead", duplicates, rejected, message
FROM import_runs ORDER BY run_id DESC LIMIT 1
