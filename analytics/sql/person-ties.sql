-- A person's strongest ties in a period, both directions, with the kinds of interaction.
-- Parameters: $person, $period (a stored metrics period), $limit.
-- People who opted out are never named: their ties are left out.
-- Output grain: one row per (direction, other person), strongest first within a direction.
WITH edges AS (
  SELECT source, target, weight, comments, reactions, shares, mentions, interactions FROM period_edges WHERE period_id = $period
)
SELECT direction, other AS "personId", i.display_name AS "displayName", p.department, weight, comments, reactions, shares, mentions, interactions
FROM (
  SELECT 'out' AS direction, target AS other, weight, comments, reactions, shares, mentions, interactions,
    row_number() OVER (ORDER BY weight DESC, target) AS n
  FROM edges WHERE source = $person
  UNION ALL
  SELECT 'in', source, weight, comments, reactions, shares, mentions, interactions,
    row_number() OVER (ORDER BY weight DESC, source)
  FROM edges WHERE target = $person
) t
JOIN people p ON p.person_id = t.other
LEFT JOIN identities i ON i.person_id = t.other
WHERE n <= $limit
  AND NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.person_id = t.other)
ORDER BY direction, weight DESC, other
