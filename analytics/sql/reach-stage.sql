-- Who reached whom in a period, kept in a temporary table for the metrics job (reach,
-- cross-department reach and departments reached are all counted from it).
-- Reach (DESIGN.md "reach of a person"), extended by direct ties: distinct other person
-- accounts who viewed, reacted to, shared or commented on the person's content, whom the
-- person mentioned or praised, or to whom the person wrote directly (interactions.csv:
-- e-mail, meetings). Undated interactions count in every period.
-- Parameters: $from, $to (DATE). Grain: one row per (person, other person reached).
CREATE OR REPLACE TEMP TABLE reach_stage AS
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
)
SELECT DISTINCT pr.person, pr.other, o.department
FROM pairs pr JOIN people o ON o.person_id = pr.other AND o.account_type = 'person'
WHERE pr.person <> pr.other
