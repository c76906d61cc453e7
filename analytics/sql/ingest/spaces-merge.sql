-- Inserts new spaces and updates changed ones. $source, $run.
INSERT INTO spaces (space_id, name, kind, is_official, source, run_id)
SELECT s.sid, s.name_, s.kind_, s.official_, $source, $run
FROM stg_spaces s LEFT JOIN spaces p ON p.space_id = s.sid
WHERE s.problem IS NULL AND NOT s.is_dup
  AND (p.space_id IS NULL OR p.name IS DISTINCT FROM s.name_ OR p.kind IS DISTINCT FROM s.kind_ OR p.is_official <> s.official_)
ON CONFLICT (space_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, is_official = excluded.is_official, run_id = excluded.run_id
