-- Saved pilot groups, newest first, or one of them. Parameter: $group INTEGER or NULL (all).
-- Output grain: one row per group; members and request as JSON text.
SELECT
  group_id AS "groupId",
  name,
  strftime(timezone('UTC', created_at), '%Y-%m-%dT%H:%M:%SZ') AS "createdAt",
  created_by AS "createdBy",
  strftime(period_from, '%Y-%m-%d') AS "from",
  strftime(period_to, '%Y-%m-%d') AS "to",
  request,
  members,
  reached,
  population
FROM pilot_groups
WHERE $group IS NULL OR group_id = $group
ORDER BY created_at DESC, group_id DESC
