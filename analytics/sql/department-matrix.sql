-- Department-to-department collaboration: summed edge weights of a period between the
-- departments of source and target, from the stored edges. Parameters: $period.
-- Output grain: one row per (from department, to department); NULL department = unknown.
WITH edges AS (
  SELECT source, target, weight, comments, reactions, shares, mentions, interactions FROM period_edges WHERE period_id = $period
)
SELECT ps.department AS "fromDepartment", pt.department AS "toDepartment", sum(e.weight)::DOUBLE AS weight, count(*)::INTEGER AS ties
FROM edges e JOIN people ps ON ps.person_id = e.source JOIN people pt ON pt.person_id = e.target
GROUP BY ALL
ORDER BY 1, 2
