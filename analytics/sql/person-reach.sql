-- Reach per person in a period (DESIGN.md "reach of a person"), extended by direct ties:
-- distinct other person accounts who viewed, reacted to, shared or commented on the person's
-- content, whom the person mentioned or praised, or to whom the person wrote directly
-- (interactions.csv: e-mail, meetings). Undated interactions count in every period.
-- Parameters: $from, $to (DATE). Output grain: one row per person with reach > 0.
-- crossDepartmentReach: distinct departments among the reached, other than the person's own;
-- departmentEntropy: Shannon entropy (bits) of the reached people's departments (unknown excluded).
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
),
per_department AS (
  SELECT person, department, count(*) AS n FROM reached GROUP BY person, department
),
entropy AS (
  SELECT person, -sum((n / total) * log2(n / total)) AS h
  FROM (SELECT person, department, n, sum(n) OVER (PARTITION BY person) AS total FROM per_department WHERE department IS NOT NULL)
  GROUP BY person
)
SELECT r.person AS "personId",
  count(*)::INTEGER AS reach,
  count(DISTINCT r.department) FILTER (WHERE r.department IS DISTINCT FROM me.department)::INTEGER AS "crossDepartmentReach",
  coalesce(any_value(en.h), 0)::DOUBLE AS "departmentEntropy"
FROM reached r
JOIN people me ON me.person_id = r.person
LEFT JOIN entropy en ON en.person = r.person
GROUP BY r.person
