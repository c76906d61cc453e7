-- A stored metrics period by its days. Parameters: $from, $to (DATE). Output: zero or one row.
SELECT period_id AS "periodId", kind, strftime(from_day, '%Y-%m-%d') AS "from", strftime(to_day, '%Y-%m-%d') AS "to",
  nodes, edges, communities, betweenness_pivots AS "betweennessPivots", seconds, data_version AS "dataVersion",
  strftime(timezone('UTC', computed_at), '%Y-%m-%dT%H:%M:%SZ') AS "computedAt"
FROM metric_periods
WHERE from_day = $from::DATE AND to_day = $to::DATE
ORDER BY CASE kind WHEN 'custom' THEN 1 ELSE 0 END
LIMIT 1
