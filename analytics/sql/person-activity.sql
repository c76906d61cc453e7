-- Authored items and distinct people answered per person in a period, for the give/receive
-- balance and the community-builder role. Parameters: $from, $to (DATE).
-- Output grain: one row per author.
SELECT c.author_id AS "personId",
  count(*) FILTER (WHERE c.kind = 'post')::INTEGER AS posts,
  count(*) FILTER (WHERE c.kind = 'comment')::INTEGER AS comments,
  count(DISTINCT p.author_id) FILTER (WHERE c.kind = 'comment' AND p.author_id <> c.author_id)::INTEGER AS answered
FROM content c LEFT JOIN content p ON p.content_id = c.parent_id
WHERE c.day BETWEEN $from::DATE AND $to::DATE
GROUP BY c.author_id
