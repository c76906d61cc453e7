-- Ambassador programmes (programmes.csv) with their membership counts.
-- Parameters: $asOf (DATE: the day "now" means, the last day with data; NULL: today).
-- Output grain: one row per programme, by name. A person who joined twice counts once.
-- membersNow: joined on or before $asOf and not left before it (left_on is the last day in);
-- joined: distinct people ever in it; left: people whose latest membership has ended by $asOf.
WITH per_person AS (
  SELECT programme, person_id,
    min(joined_on) AS first_join,
    max(joined_on) AS last_join,
    bool_or(joined_on <= coalesce($asOf::DATE, current_date) AND (left_on IS NULL OR left_on >= coalesce($asOf::DATE, current_date))) AS is_in
  FROM programmes
  GROUP BY programme, person_id
)
SELECT programme AS name,
  count(*) FILTER (WHERE is_in)::INTEGER AS "membersNow",
  count(*)::INTEGER AS joined,
  count(*) FILTER (WHERE NOT is_in AND first_join <= coalesce($asOf::DATE, current_date))::INTEGER AS "left",
  strftime(min(first_join), '%Y-%m-%d') AS "firstJoin",
  strftime(max(last_join), '%Y-%m-%d') AS "lastJoin"
FROM per_person
GROUP BY programme
ORDER BY programme
