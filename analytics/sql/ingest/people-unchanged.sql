-- Good staged people whose stored row already says the same: counted as duplicates, not written.
-- Output: one row, count INTEGER.
SELECT count(*)::INTEGER AS count
FROM stg_people s JOIN people p ON p.person_id = s.pid
WHERE s.problem IS NULL AND NOT s.is_dup AND NOT p.is_placeholder
  AND p.department IS NOT DISTINCT FROM s.department_ AND p.location IS NOT DISTINCT FROM s.location_
  AND p.job_title IS NOT DISTINCT FROM s.job_title_ AND p.manager_id IS NOT DISTINCT FROM s.manager_
  AND p.employed_from IS NOT DISTINCT FROM s.from_ AND p.employed_to IS NOT DISTINCT FROM s.to_
  AND p.registered_at IS NOT DISTINCT FROM s.registered_ AND p.account_type = s.type_
