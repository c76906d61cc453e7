-- Import history, newest first. Parameters: $limit INTEGER. Output grain: one row per run.
SELECT run_id AS "runId", source, path, status, strftime(timezone('UTC', started_at), '%Y-%m-%dT%H:%M:%SZ') AS "startedAt",
  strftime(timezone('UTC', finished_at), '%Y-%m-%dT%H:%M:%SZ') AS "finishedAt", files_read AS "filesRead", rows_read AS "rowsRead",
  loaded, duplicates, rejected, placeholders, message
FROM import_runs ORDER BY run_id DESC LIMIT $limit
