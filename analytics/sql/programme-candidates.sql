-- The comparison pool of a programme: person accounts with a department that were never
-- members of it (members of other programmes may be compared).
-- Parameters: $programme (VARCHAR).
-- Output grain: one row per candidate, by department then id.
SELECT p.person_id AS "personId",
  i.display_name AS "displayName",
  p.department AS department,
  strftime(p.employed_from, '%Y-%m-%d') AS "employedFrom",
  strftime(p.employed_to, '%Y-%m-%d') AS "employedTo",
  (o.person_id IS NOT NULL) AS "optedOut"
FROM people p
LEFT JOIN identities i ON i.person_id = p.person_id
LEFT JOIN opt_outs o ON o.person_id = p.person_id
WHERE p.account_type = 'person' AND p.department IS NOT NULL
  AND p.person_id NOT IN (SELECT person_id FROM programmes WHERE programme = $programme)
ORDER BY p.department, p.person_id
