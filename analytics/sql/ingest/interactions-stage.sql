-- Stage check of direct person-to-person ties. {{source}}: canonical interactions columns and rec.
-- The key hashes the row plus its occurrence number among identical rows: an edge list may
-- repeat a tie on purpose (two e-mails), and a re-import still matches row for row.
SELECT
  rec,
  nullif(trim(source_id), '') AS src,
  nullif(trim(target_id), '') AS dst,
  nullif(trim(occurred_at), '') AS occurred_raw,
  try_cast(occurred_raw AS TIMESTAMPTZ) AS ts,
  timezone($tz, ts)::DATE AS day_,
  nullif(trim(channel), '') AS channel_,
  nullif(trim(weight), '') AS weight_raw,
  coalesce(try_cast(replace(weight_raw, ',', '.') AS DOUBLE), CASE WHEN weight_raw IS NULL THEN 1.0 END) AS weight_,
  'i:' || md5(concat_ws('|', src, dst, occurred_raw, channel_, weight_raw)) || ':'
    || row_number() OVER (PARTITION BY src, dst, occurred_raw, channel_, weight_raw ORDER BY rec) AS key_,
  CASE
    WHEN src IS NULL THEN {'col': 'source_id', 'msg': 'missing source_id'}
    WHEN dst IS NULL THEN {'col': 'target_id', 'msg': 'missing target_id'}
    WHEN occurred_raw IS NOT NULL AND ts IS NULL THEN {'col': 'occurred_at', 'msg': 'unparsable timestamp (expected ISO 8601)'}
    WHEN weight_ IS NULL OR NOT isfinite(weight_) OR weight_ <= 0 THEN {'col': 'weight', 'msg': 'weight must be a positive number'}
  END AS problem,
  false AS derived_,
  false AS is_dup
FROM {{source}}
