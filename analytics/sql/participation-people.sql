-- Per active person of one range of local days: what the participation funnel, the inequality
-- figures and the Lorenz curve are computed from, kept in a temporary table so the three read
-- activity_daily once (participation-funnel.sql, -inequality.sql and -lorenz.sql read it).
-- Parameters: $from, $to (DATE, inclusive), $department, $location (VARCHAR or NULL = all).
-- Grain: one row per person account of the filter with any activity in the range. posts,
-- comments: items created; reactions: reactions and shares made; content = posts + comments.
CREATE OR REPLACE TEMP TABLE participation_people AS
SELECT a.person_id, sum(a.posts) AS posts, sum(a.comments) AS comments, sum(a.reactions + a.shares) AS reactions,
  sum(a.posts + a.comments) AS content
FROM activity_daily a
SEMI JOIN (
  SELECT person_id FROM people
  WHERE account_type = 'person'
    AND ($department IS NULL OR department = $department)
    AND ($location IS NULL OR location = $location)
) p ON p.person_id = a.person_id
WHERE a.day BETWEEN $from::DATE AND $to::DATE
GROUP BY a.person_id
