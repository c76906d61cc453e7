-- Every stored metrics period, standard ones first. No parameters.
SELECT period_id AS "periodId", kind, strftime(from_day, '%Y-%m-%d') AS "from", strftime(to_day, '%Y-%m-%d') AS "to",
  nodes, edges, communities, betweenness_pivots AS "betweennessPivots", seconds, data_version AS "dataVersion",
  strftime(timezone('UTC', computed_at), '%Y-%m-%dT%H:%M:%SZ') AS "computedAt"
FROM metric_periods
ORDER BY CASE kind WHEN 'last30' THEN 0 WHEN 'last90' THEN 1 WHEN 'all' THEN 2 WHEN 'quarter' THEN 3 WHEN 'month' THEN 4 ELSE 5 END, from_day DESC
