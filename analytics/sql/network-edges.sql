-- Edges among the top people of a period (same selection as network-nodes.sql) with at least
-- $minWeight, from the stored edges. Parameters: those of network-nodes.sql and $minWeight.
WITH top AS (
  SELECT m.person_id FROM person_metrics m JOIN people p ON p.person_id = m.person_id
  WHERE m.period_id = $period AND m.rank IS NOT NULL
    AND ($department IS NULL OR p.department = $department)
    AND ($community IS NULL OR m.community = $community)
  ORDER BY m.rank LIMIT $limit
),
edges AS (
  SELECT source, target, weight, comments, reactions, shares, mentions, interactions FROM period_edges WHERE period_id = $period
)
SELECT e.source, e.target, e.weight
FROM edges e
WHERE e.weight >= $minWeight
  AND e.source IN (SELECT person_id FROM top) AND e.target IN (SELECT person_id FROM top)
ORDER BY e.weight DESC, e.source, e.target
