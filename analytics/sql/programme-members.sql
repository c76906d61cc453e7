-- Members of one programme with what the impact analysis needs of them.
-- Parameters: $programme (VARCHAR, the name as in programmes.csv).
-- Output grain: one row per member (a person who joined twice is one row: the first join, and
-- the end of the latest membership, NULL while it is open). Ordered by first join, then id.
-- accountType: only 'person' members are evaluated; optedOut: never listed by name;
-- displayName from identities (NULL when names are not stored).
WITH m AS (
  SELECT person_id,
    min(joined_on) AS joined_on,
    CASE WHEN bool_or(left_on IS NULL) THEN NULL ELSE max(left_on) END AS left_on
  FROM programmes WHERE programme = $programme
  GROUP BY person_id
)
SELECT m.person_id AS "personId",
  i.display_name AS "displayName",
  strftime(m.joined_on, '%Y-%m-%d') AS "joinedOn",
  strftime(m.left_on, '%Y-%m-%d') AS "leftOn",
  p.department AS department,
  coalesce(p.account_type, 'person') AS "accountType",
  strftime(p.employed_from, '%Y-%m-%d') AS "employedFrom",
  strftime(p.employed_to, '%Y-%m-%d') AS "employedTo",
  (o.person_id IS NOT NULL) AS "optedOut"
FROM m
LEFT JOIN people p ON p.person_id = m.person_id
LEFT JOIN identities i ON i.person_id = m.person_id
LEFT JOIN opt_outs o ON o.person_id = m.person_id
ORDER BY m.joined_on, m.person_id
