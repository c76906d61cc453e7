-- The programme's part of the employees' voice per calendar month: engagement on posts by
-- members (authored while they were members) against all posts by person accounts, by the
-- month the post was created in (as content-voice-share.sql counts the employee voice).
-- Parameters: $programme (VARCHAR), $from, $to (DATE, inclusive).
-- Output grain: one row per month with employee posts, 'YYYY-MM'.
WITH items AS (
  SELECT strftime(cs.day, '%Y-%m') AS period, cs.author_id, cs.engagement,
    EXISTS (
      SELECT 1 FROM programmes pr
      WHERE pr.programme = $programme AND pr.person_id = cs.author_id
        AND pr.joined_on <= cs.day AND (pr.left_on IS NULL OR cs.day <= pr.left_on)
    ) AS by_member
  FROM content_stats cs
  JOIN people au ON au.person_id = cs.author_id AND au.account_type = 'person'
  WHERE cs.kind = 'post' AND cs.day BETWEEN $from::DATE AND $to::DATE
)
SELECT period,
  count(*) FILTER (WHERE by_member)::INTEGER AS "memberPosts",
  coalesce(sum(engagement) FILTER (WHERE by_member), 0)::INTEGER AS "memberEngagement",
  count(*)::INTEGER AS "employeePosts",
  coalesce(sum(engagement), 0)::INTEGER AS "employeeEngagement"
FROM items
GROUP BY period
ORDER BY period
