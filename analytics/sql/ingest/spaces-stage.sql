-- Stage check of spaces rows. {{source}}: canonical spaces columns (VARCHAR) and rec.
SELECT
  rec,
  nullif(trim(space_id), '') AS sid,
  nullif(trim(name), '') AS name_,
  lower(nullif(trim(kind), '')) AS kind_,
  lower(nullif(trim(is_official), '')) AS official_raw,
  CASE WHEN official_raw IN ('true', '1', 'yes', 'ja', 'wahr') THEN true
       WHEN official_raw IS NULL OR official_raw IN ('false', '0', 'no', 'nein', 'falsch') THEN false END AS official_,
  CASE
    WHEN sid IS NULL THEN {'col': 'space_id', 'msg': 'missing space_id'}
    WHEN official_ IS NULL THEN {'col': 'is_official', 'msg': 'unparsable boolean (expected true/false, 1/0, yes/no, ja/nein)'}
  END AS problem,
  sid AS key_,
  false AS derived_,
  false AS is_dup
FROM {{source}}
