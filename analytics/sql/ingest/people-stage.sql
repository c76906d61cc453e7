-- Stage check of people rows: trims, types and a row-local problem per row.
-- {{source}}: relation with the canonical people columns (VARCHAR) and rec.
-- Output grain: one row per input record; problem is NULL for a good row.
SELECT
  rec,
  nullif(trim(person_id), '') AS pid,
  nullif(trim(display_name), '') AS name_,
  nullif(trim(email), '') AS email_,
  nullif(trim(department), '') AS department_,
  nullif(trim(location), '') AS location_,
  nullif(trim(job_title), '') AS job_title_,
  nullif(trim(manager_id), '') AS manager_,
  nullif(trim(employed_from), '') AS from_raw,
  nullif(trim(employed_to), '') AS to_raw,
  nullif(trim(registered_at), '') AS registered_raw,
  try_cast(from_raw AS DATE) AS from_,
  try_cast(to_raw AS DATE) AS to_,
  try_cast(registered_raw AS TIMESTAMPTZ) AS registered_,
  coalesce(lower(nullif(trim(account_type), '')), 'person') AS type_,
  CASE
    WHEN pid IS NULL THEN {'col': 'person_id', 'msg': 'missing person_id'}
    WHEN from_raw IS NOT NULL AND from_ IS NULL THEN {'col': 'employed_from', 'msg': 'unparsable date (expected YYYY-MM-DD)'}
    WHEN to_raw IS NOT NULL AND to_ IS NULL THEN {'col': 'employed_to', 'msg': 'unparsable date (expected YYYY-MM-DD)'}
    WHEN from_ IS NOT NULL AND to_ IS NOT NULL AND to_ < from_ THEN {'col': 'employed_to', 'msg': 'employed_to is before employed_from'}
    WHEN registered_raw IS NOT NULL AND registered_ IS NULL THEN {'col': 'registered_at', 'msg': 'unparsable timestamp (expected ISO 8601)'}
    WHEN type_ NOT IN ('person', 'official', 'bot') THEN {'col': 'account_type', 'msg': 'unknown account_type (expected person, official or bot)'}
  END AS problem,
  pid AS key_,
  false AS derived_,
  false AS is_dup
FROM {{source}}
