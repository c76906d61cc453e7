-- Stage check of external social figures per account and period. {{source}}: canonical social columns and rec.
SELECT
  rec,
  nullif(trim(period_start), '') AS period_raw,
  try_cast(period_raw AS DATE) AS period_,
  nullif(trim(account), '') AS account_,
  coalesce(lower(nullif(trim(platform), '')), 'unknown') AS platform_,
  try_cast(nullif(trim(followers), '') AS INTEGER) AS followers_,
  try_cast(nullif(trim(posts), '') AS INTEGER) AS posts_,
  try_cast(nullif(trim(impressions), '') AS INTEGER) AS impressions_,
  try_cast(nullif(trim(reactions), '') AS INTEGER) AS reactions_,
  try_cast(nullif(trim(comments), '') AS INTEGER) AS comments_,
  try_cast(nullif(trim(shares), '') AS INTEGER) AS shares_,
  CASE
    WHEN period_raw IS NULL THEN {'col': 'period_start', 'msg': 'missing period_start'}
    WHEN period_ IS NULL THEN {'col': 'period_start', 'msg': 'unparsable date (expected YYYY-MM-DD)'}
    WHEN account_ IS NULL THEN {'col': 'account', 'msg': 'missing account'}
    WHEN nullif(trim(followers), '') IS NOT NULL AND followers_ IS NULL THEN {'col': 'followers', 'msg': 'not a whole number'}
    WHEN nullif(trim(posts), '') IS NOT NULL AND posts_ IS NULL THEN {'col': 'posts', 'msg': 'not a whole number'}
    WHEN nullif(trim(impressions), '') IS NOT NULL AND impressions_ IS NULL THEN {'col': 'impressions', 'msg': 'not a whole number'}
    WHEN nullif(trim(reactions), '') IS NOT NULL AND reactions_ IS NULL THEN {'col': 'reactions', 'msg': 'not a whole number'}
    WHEN nullif(trim(comments), '') IS NOT NULL AND comments_ IS NULL THEN {'col': 'comments', 'msg': 'not a whole number'}
    WHEN nullif(trim(shares), '') IS NOT NULL AND shares_ IS NULL THEN {'col': 'shares', 'msg': 'not a whole number'}
  END AS problem,
  concat_ws('|', period_, account_, platform_) AS key_,
  false AS derived_,
  false AS is_dup
FROM {{source}}
