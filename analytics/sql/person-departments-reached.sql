-- The departments of the people a person reached in a period (reach as in person-reach.sql).
-- Parameters: $person, $from, $to. Output grain: one row per department (NULL = unknown).
WITH pairs AS (
  SELECT e.actor_id AS other FROM events e JOIN content c ON c.content_id = e.content_id
  WHERE c.author_id = $person AND e.action IN ('view', 'reaction', 'share') AND e.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT c.author_id FROM content c JOIN content p ON p.content_id = c.parent_id
  WHERE p.author_id = $person AND c.kind = 'comment' AND c.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT target_id FROM events WHERE actor_id = $person AND action IN ('mention', 'praise') AND day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT target_id FROM interactions WHERE source_id = $person AND (day IS NULL OR day BETWEEN $from::DATE AND $to::DATE)
)
SELECT o.department, count(DISTINCT o.person_id)::INTEGER AS people
FROM pairs JOIN people o ON o.person_id = pairs.other AND o.account_type = 'person'
WHERE pairs.other <> $person
GROUP BY o.department
ORDER BY people DESC, o.department
