-- Ranked natural influencers of one stored period. Official and bot accounts are never ranked
-- (rank IS NULL). Parameters: $period VARCHAR, $department, $location, $role, $person (VARCHAR or NULL),
-- $limit, $offset (INTEGER). {{order}} is replaced by an allow-listed ORDER BY expression.
-- Output grain: one row per ranked person; total is the count before limit/offset.
SELECT
  m.person_id AS "personId",
  i.display_name AS "displayName",
  p.department,
  p.location,
  m.rank,
  m.score,
  m.roles,
  m.expert_topics AS "expertTopics",
  m.pagerank,
  m.betweenness,
  m.in_strength AS "inStrength",
  m.responders,
  m.reach,
  m.cross_department_reach AS "crossDepartmentReach",
  m.department_entropy AS "departmentEntropy",
  m.community,
  m.growth,
  m.hub,
  m.authority,
  m.balance,
  m.network_size AS "networkSize",
  m.strong_ties AS "strongTies",
  m.diverse_ties AS "diverseTies",
  m.posts,
  m.comments,
  m.explanation,
  count(*) OVER ()::INTEGER AS total
FROM person_metrics m
JOIN people p ON p.person_id = m.person_id
LEFT JOIN identities i ON i.person_id = m.person_id
WHERE m.period_id = $period
  AND m.rank IS NOT NULL
  AND ($department IS NULL OR p.department = $department)
  AND ($location IS NULL OR p.location = $location)
  AND ($role IS NULL OR list_contains(string_split(m.roles, ';'), $role))
  AND ($person IS NULL OR m.person_id = $person)
ORDER BY {{order}}, m.rank
LIMIT $limit OFFSET $offset
