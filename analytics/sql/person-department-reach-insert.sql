-- Stores, for a period, how many people of each department every person reached (reach as in
-- person-reach.sql). Parameters: $period, $from, $to. Grain: one row per (person, department).
INSERT INTO person_department_reach
WITH pairs AS (
  SELECT c.author_id AS person, e.actor_id AS other
  FROM events e JOIN content c ON c.content_id = e.content_id
  WHERE e.action IN ('view', 'reaction', 'share') AND e.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT p.author_id, c.author_id
  FROM content c JOIN content p ON p.content_id = c.parent_id
  WHERE c.kind = 'comment' AND c.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT actor_id, target_id FROM events
  WHERE action IN ('mention', 'praise') AND target_id IS NOT NULL AND day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT source_id, target_id FROM interactions WHERE day IS NULL OR day BETWEEN $from::DATE AND $to::DATE
),
reached AS (
  SELECT DISTINCT pr.person, pr.other, o.department
  FROM pairs pr JOIN people o ON o.person_id = pr.other AND o.account_type = 'person'
  WHERE pr.person <> pr.other
)
SELECT $period, person, department, count(*)::INTEGER FROM reached GROUP BY person, department
