-- Stage check of programme memberships. {{source}}: canonical programmes columns and rec.
SELECT
  rec,
  nullif(trim(programme), '') AS programme_,
  nullif(trim(person_id), '') AS pid,
  nullif(trim(joined_on), '') AS joined_raw,
  nullif(trim(left_on), '') AS left_raw,
  try_cast(joined_raw AS DATE) AS joined_,
  try_cast(left_raw AS DATE) AS left_,
  CASE
    WHEN programme_ IS NULL THEN {'col': 'programme', 'msg': 'missing programme'}
    WHEN pid IS NULL THEN {'col': 'person_id', 'msg': 'missing person_id'}
    WHEN joined_raw IS NULL THEN {'col': 'joined_on', 'msg': 'missing joined_on'}
    WHEN joined_ IS NULL THEN {'col': 'joined_on', 'msg': 'unparsable date (expected YYYY-MM-DD)'}
    WHEN left_raw IS NOT NULL AND left_ IS NULL THEN {'col': 'left_on', 'msg': 'unparsable date (expected YYYY-MM-DD)'}
    WHEN left_ < joined_ THEN {'col': 'left_on', 'msg': 'left_on is before joined_on'}
  END AS problem,
  concat_ws('|', programme_, pid, joined_) AS key_,
  false AS derived_,
  false AS is_dup
FROM {{source}}
