-- Interaction graph edges for a period (DESIGN.md "Interaction graph and influence").
-- Parameters: $from, $to (DATE, inclusive local days); weights $wComment, $wShare, $wPraise,
--   $wMention, $wReaction (DOUBLE); $interactionScale (DOUBLE, multiplies interactions.csv weights).
-- A comment points to the author of the item it replies to; reactions and shares to the
-- content's author; mentions and praise to the person addressed; direct interactions as given.
-- Views make no edges. Self-interactions are dropped, parallel ones summed. Edges touching a
-- bot are dropped (automated traffic); official accounts stay nodes (never ranked later).
-- Output grain: one row per (source, target) with weight and counts per kind.
WITH raw AS (
  SELECT c.author_id AS source, p.author_id AS target, $wComment AS weight, 'comment' AS kind
  FROM content c JOIN content p ON p.content_id = c.parent_id
  WHERE c.kind = 'comment' AND c.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT e.actor_id, c.author_id,
    CASE e.action WHEN 'reaction' THEN $wReaction ELSE $wShare END, e.action
  FROM events e JOIN content c ON c.content_id = e.content_id
  WHERE e.action IN ('reaction', 'share') AND e.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT e.actor_id, e.target_id, CASE e.action WHEN 'praise' THEN $wPraise ELSE $wMention END, e.action
  FROM events e
  WHERE e.action IN ('mention', 'praise') AND e.target_id IS NOT NULL AND e.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  SELECT i.source_id, i.target_id, i.weight * $interactionScale, 'interaction'
  FROM interactions i
  WHERE i.day IS NULL OR i.day BETWEEN $from::DATE AND $to::DATE
)
SELECT r.source AS source, r.target AS target, sum(r.weight)::DOUBLE AS weight,
  count(*) FILTER (WHERE r.kind = 'comment')::INTEGER AS comments,
  count(*) FILTER (WHERE r.kind = 'reaction')::INTEGER AS reactions,
  count(*) FILTER (WHERE r.kind = 'share')::INTEGER AS shares,
  count(*) FILTER (WHERE r.kind IN ('mention', 'praise'))::INTEGER AS mentions,
  count(*) FILTER (WHERE r.kind = 'interaction')::INTEGER AS interactions
FROM raw r
JOIN people ps ON ps.person_id = r.source AND ps.account_type <> 'bot'
JOIN people pt ON pt.person_id = r.target AND pt.account_type <> 'bot'
WHERE r.source <> r.target
GROUP BY r.source, r.target
