-- Programme highlights of one month for the monthly report: per programme its members at the
-- month's end, who joined and who left in the month, and from `social` the members' combined
-- followers against the corporate accounts' in the month's last week (the latest period_start
-- inside the month; an account that is not a person account is corporate).
-- Parameters: $from, $to (DATE): the month's first and last day.
-- Output grain: one row per programme with a member at the month's end or a join or leave in
-- the month. week 'YYYY-MM-DD' or NULL (no social figures in the month); followers NULL then.
WITH last_week AS (
  SELECT max(period_start) AS week FROM social WHERE period_start BETWEEN $from::DATE AND $to::DATE
),
members AS (
  -- A person in a programme twice (left and rejoined) is one member.
  SELECT DISTINCT programme, person_id FROM programmes
  WHERE joined_on <= $to::DATE AND (left_on IS NULL OR left_on > $to::DATE)
),
figures AS (
  SELECT programme,
    count(DISTINCT person_id) FILTER (WHERE joined_on <= $to::DATE AND (left_on IS NULL OR left_on > $to::DATE))::INTEGER AS members,
    count(DISTINCT person_id) FILTER (WHERE joined_on BETWEEN $from::DATE AND $to::DATE)::INTEGER AS joined,
    count(DISTINCT person_id) FILTER (WHERE left_on BETWEEN $from::DATE AND $to::DATE)::INTEGER AS "left"
  FROM programmes
  GROUP BY programme
),
member_followers AS (
  SELECT m.programme, sum(s.followers)::DOUBLE AS followers, count(DISTINCT s.account)::INTEGER AS accounts
  FROM members m
  JOIN social s ON s.account = m.person_id AND s.period_start = (SELECT week FROM last_week)
  GROUP BY m.programme
),
corporate AS (
  SELECT sum(s.followers)::DOUBLE AS followers
  FROM social s
  LEFT JOIN people p ON p.person_id = s.account
  WHERE s.period_start = (SELECT week FROM last_week) AND (p.account_type IS NULL OR p.account_type <> 'person')
)
SELECT f.programme,
  f.members,
  f.joined,
  f."left",
  strftime((SELECT week FROM last_week), '%Y-%m-%d') AS week,
  mf.followers AS "memberFollowers",
  coalesce(mf.accounts, 0) AS "membersWithSocial",
  (SELECT followers FROM corporate) AS "corporateFollowers"
FROM figures f
LEFT JOIN member_followers mf ON mf.programme = f.programme
WHERE f.members > 0 OR f.joined > 0 OR f."left" > 0
ORDER BY f.members DESC, f.programme
