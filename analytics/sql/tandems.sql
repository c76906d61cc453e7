-- Tandem suggestions: pair a hesitant colleague with an active poster they already interact with.
-- Parameters: $from, $to (DATE); $department (VARCHAR or NULL: the hesitant colleague's department);
-- $minPosts (INTEGER: posts in the period that make a poster); $maxItems (INTEGER: a hesitant
-- colleague wrote at most this many items, posts and comments together); $minReads (INTEGER: views
-- + reactions that make an active reader).
-- Colleagues: person accounts employed in the period, not opted out (official and bot accounts
-- never pair). A tie runs from the hesitant colleague to the poster: views, reactions and shares of
-- the poster's items, comments on them, and direct ties either way (mentions, praise, e-mail or
-- meetings from interactions.csv; undated ones count in every period).
-- score = reactions + 3 × comments + 4 × shares + 2 × direct + 0.25 × views (the graph's edge
-- weights, views light), × 1.5 in the same department.
-- Output grain: one row per (hesitant colleague, poster) with a tie, best score first (ties: the
-- poster with more posts, then ids). Who is paired with whom is chosen from these in TypeScript
-- (analytics/queries/tandems.ts: each hesitant colleague once, each poster a few times at most).
WITH colleagues AS (
  SELECT p.person_id, p.department, i.display_name
  FROM people p
  LEFT JOIN identities i ON i.person_id = p.person_id
  WHERE p.account_type = 'person'
    AND (p.employed_from IS NULL OR p.employed_from <= $to::DATE)
    AND (p.employed_to IS NULL OR p.employed_to >= $from::DATE)
    AND NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.person_id = p.person_id)
),
authored AS (
  SELECT author_id AS person_id, count(*) FILTER (WHERE kind = 'post') AS posts, count(*) FILTER (WHERE kind = 'comment') AS comments
  FROM content WHERE day BETWEEN $from::DATE AND $to::DATE
  GROUP BY author_id
),
reading AS (
  SELECT actor_id AS person_id, count(*) FILTER (WHERE action = 'view') AS views, count(*) FILTER (WHERE action = 'reaction') AS reactions
  FROM events WHERE action IN ('view', 'reaction') AND day BETWEEN $from::DATE AND $to::DATE
  GROUP BY actor_id
),
posters AS (
  SELECT c.person_id, c.department, c.display_name, a.posts
  FROM colleagues c JOIN authored a USING (person_id)
  WHERE a.posts >= $minPosts
),
hesitant AS (
  SELECT c.person_id, c.department, c.display_name, coalesce(a.posts, 0) AS posts, coalesce(a.comments, 0) AS comments, r.views, r.reactions
  FROM colleagues c JOIN reading r USING (person_id) LEFT JOIN authored a USING (person_id)
  WHERE coalesce(a.posts, 0) + coalesce(a.comments, 0) <= $maxItems AND r.views + r.reactions >= $minReads
    AND ($department IS NULL OR c.department = $department)
),
ties AS (
  SELECT e.actor_id AS h, c.author_id AS p,
    count(*) FILTER (WHERE e.action = 'view') AS views,
    count(*) FILTER (WHERE e.action = 'reaction') AS reactions,
    count(*) FILTER (WHERE e.action = 'share') AS shares,
    0 AS comments, 0 AS direct
  FROM events e
  JOIN hesitant h ON h.person_id = e.actor_id
  JOIN content c ON c.content_id = e.content_id
  JOIN posters ps ON ps.person_id = c.author_id
  WHERE e.action IN ('view', 'reaction', 'share') AND e.day BETWEEN $from::DATE AND $to::DATE
  GROUP BY ALL
  UNION ALL
  SELECT c.author_id, parent.author_id, 0, 0, 0, count(*), 0
  FROM content c
  JOIN hesitant h ON h.person_id = c.author_id
  JOIN content parent ON parent.content_id = c.parent_id
  JOIN posters ps ON ps.person_id = parent.author_id
  WHERE c.kind = 'comment' AND c.day BETWEEN $from::DATE AND $to::DATE
  GROUP BY ALL
  UNION ALL
  SELECT CASE WHEN h.person_id = e.actor_id THEN e.actor_id ELSE e.target_id END,
    CASE WHEN h.person_id = e.actor_id THEN e.target_id ELSE e.actor_id END, 0, 0, 0, 0, count(*)
  FROM events e
  JOIN hesitant h ON h.person_id IN (e.actor_id, e.target_id)
  WHERE e.action IN ('mention', 'praise') AND e.target_id IS NOT NULL AND e.day BETWEEN $from::DATE AND $to::DATE
  GROUP BY ALL
  UNION ALL
  SELECT CASE WHEN h.person_id = x.source_id THEN x.source_id ELSE x.target_id END,
    CASE WHEN h.person_id = x.source_id THEN x.target_id ELSE x.source_id END, 0, 0, 0, 0, count(*)
  FROM interactions x
  JOIN hesitant h ON h.person_id IN (x.source_id, x.target_id)
  WHERE x.day IS NULL OR x.day BETWEEN $from::DATE AND $to::DATE
  GROUP BY ALL
),
pairs AS (
  SELECT t.h, t.p,
    sum(t.views)::INTEGER AS views, sum(t.reactions)::INTEGER AS reactions, sum(t.shares)::INTEGER AS shares,
    sum(t.comments)::INTEGER AS comments, sum(t.direct)::INTEGER AS direct
  FROM ties t JOIN posters ps ON ps.person_id = t.p
  WHERE t.h <> t.p
  GROUP BY t.h, t.p
),
scored AS (
  SELECT pr.*, h.department IS NOT DISTINCT FROM ps.department AND h.department IS NOT NULL AS same_department,
    (pr.reactions + 3 * pr.comments + 4 * pr.shares + 2 * pr.direct + 0.25 * pr.views)
      * CASE WHEN h.department IS NOT DISTINCT FROM ps.department AND h.department IS NOT NULL THEN 1.5 ELSE 1 END AS score,
    ps.posts AS poster_posts
  FROM pairs pr JOIN hesitant h ON h.person_id = pr.h JOIN posters ps ON ps.person_id = pr.p
)
SELECT
  b.h AS "hesitantId", h.display_name AS "hesitantName", h.department AS "hesitantDepartment",
  h.posts::INTEGER AS "hesitantPosts", h.comments::INTEGER AS "hesitantComments",
  h.views::INTEGER AS "hesitantViews", h.reactions::INTEGER AS "hesitantReactions",
  b.p AS "posterId", ps.display_name AS "posterName", ps.department AS "posterDepartment", ps.posts::INTEGER AS "posterPosts",
  b.views, b.reactions, b.comments, b.shares, b.direct,
  b.same_department AS "sameDepartment", b.score::DOUBLE AS score
FROM scored b JOIN hesitant h ON h.person_id = b.h JOIN posters ps ON ps.person_id = b.p
ORDER BY b.score DESC, ps.posts DESC, b.p, b.h
