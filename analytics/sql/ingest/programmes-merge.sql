-- Inserts or updates programme memberships per (programme, person, joined_on). $source, $run.
INSERT INTO programmes
SELECT s.programme_, s.pid, s.joined_, s.left_, $source, $run
FROM stg_programmes s LEFT JOIN programmes p ON p.programme = s.programme_ AND p.person_id = s.pid AND p.joined_on = s.joined_
WHERE s.problem IS NULL AND NOT s.is_dup AND (p.person_id IS NULL OR p.left_on IS DISTINCT FROM s.left_)
ON CONFLICT (programme, person_id, joined_on) DO UPDATE SET left_on = excluded.left_on, run_id = excluded.run_id
