-- The top people of a stored period for drawing the network. Parameters: $period, $limit,
-- $department, $community (NULL = all). Output grain: one row per person, best rank first.
SELECT m.person_id AS "personId", i.display_name AS "displayName", p.department, p.location, m.community,
  m.rank, m.score, m.roles, m.responders, m.reach, m.betweenness
FROM person_metrics m JOIN people p ON p.person_id = m.person_id LEFT JOIN identities i ON i.person_id = m.person_id
WHERE m.period_id = $period AND m.rank IS NOT NULL
  AND ($department IS NULL OR p.department = $department)
  AND ($community IS NULL OR m.community = $community)
ORDER BY m.rank
LIMIT $limit
