-- Inserts new people and updates changed ones (a newer roster wins; a placeholder becomes a
-- real account). $source, $run. Rows identical to the stored ones are left alone.
INSERT INTO people (person_id, department, location, job_title, manager_id, employed_from, employed_to,
                    registered_at, account_type, is_placeholder, source, run_id)
SELECT s.pid, s.department_, s.location_, s.job_title_, s.manager_, s.from_, s.to_, s.registered_, s.type_, false, $source, $run
FROM stg_people s
LEFT JOIN people p ON p.person_id = s.pid
WHERE s.problem IS NULL AND NOT s.is_dup
  AND (p.person_id IS NULL OR p.is_placeholder
    OR p.department IS DISTINCT FROM s.department_ OR p.location IS DISTINCT FROM s.location_
    OR p.job_title IS DISTINCT FROM s.job_title_ OR p.manager_id IS DISTINCT FROM s.manager_
    OR p.employed_from IS DISTINCT FROM s.from_ OR p.employed_to IS DISTINCT FROM s.to_
    OR p.registered_at IS DISTINCT FROM s.registered_ OR p.account_type <> s.type_)
ON CONFLICT (person_id) DO UPDATE SET
  department = excluded.department, location = excluded.location, job_title = excluded.job_title,
  manager_id = excluded.manager_id, employed_from = excluded.employed_from, employed_to = excluded.employed_to,
  registered_at = excluded.registered_at, account_type = excluded.account_type, is_placeholder = false,
  run_id = excluded.run_id
