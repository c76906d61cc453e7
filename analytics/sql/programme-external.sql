-- External reach of a programme week by week (social.csv): the members' personal accounts
-- together against the corporate account(s).
-- Parameters: $programme (VARCHAR), $platform (VARCHAR, lower case, or NULL for all platforms).
-- Who is who: an account that is the person_id of a `person` account is a person; it counts
-- for the members while it is a member (rows from the Monday of the ISO week of the first join
-- to the last day of membership; earlier rows and other people's rows are left out). Every other
-- account — an official account's person_id, or a name that is not in people — is corporate.
-- Per account and ISO week: followers of the week's latest row (a stock), the other figures
-- summed (flows); accounts on several platforms add up.
-- Output grain: one row per ISO week from the week of the programme's first join to the last
-- week with a member or corporate row; weeks without rows have zeros (members) or NULL
-- (corporate followers). Empty when the programme has no members or there are no such rows.
WITH members AS (
  SELECT person_id, min(joined_on) AS joined_on,
    CASE WHEN bool_or(left_on IS NULL) THEN NULL ELSE max(left_on) END AS left_on
  FROM programmes WHERE programme = $programme
  GROUP BY person_id
),
labelled AS (
  SELECT s.account, s.platform, s.period_start, s.followers, s.posts, s.impressions, s.reactions, s.comments, s.shares,
    date_trunc('week', s.period_start)::DATE AS week_start,
    CASE
      WHEN pa.person_id IS NULL THEN 'corporate'
      WHEN m.person_id IS NOT NULL AND s.period_start >= date_trunc('week', m.joined_on)::DATE
        AND (m.left_on IS NULL OR s.period_start <= m.left_on) THEN 'member'
    END AS side
  FROM social s
  LEFT JOIN people pa ON pa.person_id = s.account AND pa.account_type = 'person'
  LEFT JOIN members m ON m.person_id = s.account
  WHERE $platform::VARCHAR IS NULL OR s.platform = $platform::VARCHAR
),
per_account AS (
  SELECT side, account, platform, week_start,
    arg_max(followers, period_start) AS followers,
    sum(posts) AS posts, sum(impressions) AS impressions, sum(reactions) AS reactions,
    sum(comments) AS comments, sum(shares) AS shares
  FROM labelled WHERE side IS NOT NULL
  GROUP BY side, account, platform, week_start
),
bounds AS (
  SELECT date_trunc('week', (SELECT min(joined_on) FROM members))::DATE AS first_week,
    (SELECT max(week_start) FROM per_account) AS last_week
),
weeks AS (
  SELECT w::DATE AS week_start
  FROM bounds, range(bounds.first_week, bounds.last_week + INTERVAL 1 DAY, INTERVAL 7 DAY) AS t(w)
  WHERE bounds.first_week IS NOT NULL AND bounds.last_week IS NOT NULL
),
per_week AS (
  SELECT week_start, side,
    count(DISTINCT account) AS accounts,
    sum(followers) AS followers, sum(posts) AS posts, sum(impressions) AS impressions,
    sum(reactions) AS reactions, sum(comments) AS comments, sum(shares) AS shares
  FROM per_account GROUP BY week_start, side
)
SELECT
  isoyear(w.week_start)::VARCHAR || '-W' || lpad(week(w.week_start)::VARCHAR, 2, '0') AS week,
  strftime(w.week_start, '%Y-%m-%d') AS "weekStart",
  coalesce(m.accounts, 0)::INTEGER AS "memberAccounts",
  coalesce(m.followers, 0)::INTEGER AS "membersFollowers",
  coalesce(m.posts, 0)::INTEGER AS "membersPosts",
  coalesce(m.impressions, 0)::INTEGER AS "membersImpressions",
  coalesce(m.reactions, 0)::INTEGER AS "membersReactions",
  coalesce(m.comments, 0)::INTEGER AS "membersComments",
  coalesce(m.shares, 0)::INTEGER AS "membersShares",
  coalesce(c.accounts, 0)::INTEGER AS "corporateAccounts",
  c.followers::INTEGER AS "corporateFollowers",
  coalesce(c.posts, 0)::INTEGER AS "corporatePosts",
  coalesce(c.impressions, 0)::INTEGER AS "corporateImpressions",
  coalesce(c.reactions, 0)::INTEGER AS "corporateReactions",
  coalesce(c.comments, 0)::INTEGER AS "corporateComments",
  coalesce(c.shares, 0)::INTEGER AS "corporateShares"
FROM weeks w
LEFT JOIN per_week m ON m.week_start = w.week_start AND m.side = 'member'
LEFT JOIN per_week c ON c.week_start = w.week_start AND c.side = 'corporate'
ORDER BY w.week_start
