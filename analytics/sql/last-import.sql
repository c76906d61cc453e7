-- The newest import run. No parameters. Output: zero or one row.
SELECT run_id AS "runId", source, path, status, strftime(timezone('UTC', started_at), '%Y-%m-%dT%H:%M:%SZ') AS "startedAt",
  strftime(timezone('UTC', finished_at), '%Y-%m-%dT%H:%M:%SZ') AS "finishedAt", rows_read AS "rowsRead", duplicates, rejected, message
FROM import_runs ORDER BY run_id DESC LIMIT 1
