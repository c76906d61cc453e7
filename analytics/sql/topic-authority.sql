-- Authority within a topic, earned by answering: for each topic and person, the distinct
-- people whose questions in the topic the person answered, plus the distinct people who
-- reacted to, shared or replied to the person's replies in the topic. Engagement on a
-- person's own posts does not count here (that is reach), so a broadly popular poster is not
-- an expert in every topic they post about. A reply inherits the topics of its thread's post.
-- Parameters: $from, $to (DATE). Output grain: one row per (topic, person), strongest first.
WITH RECURSIVE thread(content_id, root_id) AS (
  SELECT content_id, content_id FROM content WHERE kind = 'post' AND topics IS NOT NULL
  UNION ALL
  SELECT c.content_id, t.root_id FROM content c JOIN thread t ON c.parent_id = t.content_id WHERE c.kind = 'comment'
),
item_topics AS (
  SELECT t.content_id, trim(lower(unnest(string_split(r.topics, ';')))) AS topic
  FROM thread t JOIN content r ON r.content_id = t.root_id
),
engaged AS (
  -- questions answered
  SELECT it.topic, c.author_id AS person, p.author_id AS other
  FROM content c JOIN content p ON p.content_id = c.parent_id JOIN item_topics it ON it.content_id = p.content_id
  WHERE c.kind = 'comment' AND p.kind = 'post' AND p.is_question AND c.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  -- reactions and shares on the person's replies
  SELECT it.topic, c.author_id, e.actor_id
  FROM events e JOIN content c ON c.content_id = e.content_id JOIN item_topics it ON it.content_id = c.content_id
  WHERE c.kind = 'comment' AND e.action IN ('reaction', 'share') AND e.day BETWEEN $from::DATE AND $to::DATE
  UNION ALL
  -- replies to the person's replies
  SELECT it.topic, p.author_id, c.author_id
  FROM content c JOIN content p ON p.content_id = c.parent_id JOIN item_topics it ON it.content_id = p.content_id
  WHERE c.kind = 'comment' AND p.kind = 'comment' AND c.day BETWEEN $from::DATE AND $to::DATE
)
SELECT topic, person AS "personId", count(DISTINCT other)::INTEGER AS strength
FROM engaged
WHERE person <> other AND topic <> ''
GROUP BY topic, person
ORDER BY topic, strength DESC, person
