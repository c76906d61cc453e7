-- A person's stored metrics for every calendar month, oldest first. Parameters: $person.
-- Output grain: one row per month with metrics (months where the person was not in the graph are absent).
SELECT strftime(mp.from_day, '%Y-%m') AS month, m.rank, m.score, m.responders, m.reach,
  m.cross_department_reach AS "crossDepartmentReach", m.pagerank, m.betweenness, m.in_strength AS "inStrength",
  m.posts, m.comments, m.roles
FROM person_metrics m JOIN metric_periods mp ON mp.period_id = m.period_id
WHERE m.person_id = $person AND mp.kind = 'month'
ORDER BY mp.from_day
