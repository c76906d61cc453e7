-- Rejected rows of one import run. Parameters: $run INTEGER, $limit INTEGER.
SELECT file, line, column_name AS "column", value, raw, reason
FROM import_rejects WHERE run_id = $run ORDER BY file, line NULLS LAST LIMIT $limit
