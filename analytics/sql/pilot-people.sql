-- The population of a pilot group for a period, numbered for the greedy selection
-- (analytics/graph/pilot.ts), kept in the temporary table `pilot_people` of this connection.
-- Population = colleagues: person accounts (not official, not bot) employed on any day of the
-- period (people without employment dates count always). Opted-out people belong to it (they
-- are counted as reached, never listed); whether someone may be chosen is decided in TypeScript.
-- Parameters: $from, $to (DATE). Grain: one row per person; idx 0..n−1 in person_id order.
CREATE OR REPLACE TEMP TABLE pilot_people AS
SELECT
  (row_number() OVER (ORDER BY p.person_id) - 1)::INTEGER AS idx,
  p.person_id,
  p.department,
  p.location,
  i.display_name,
  EXISTS (SELECT 1 FROM opt_outs o WHERE o.person_id = p.person_id) AS opted_out
FROM people p
LEFT JOIN identities i ON i.person_id = p.person_id
WHERE p.account_type = 'person'
  AND (p.employed_from IS NULL OR p.employed_from <= $to::DATE)
  AND (p.employed_to IS NULL OR p.employed_to >= $from::DATE)
