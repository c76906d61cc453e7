-- Lorenz curve of content created per active person in one range of local days, for a chart:
-- at most 21 points, at the population shares 0, 1/20, ..., 1 (every person when there are 20
-- or fewer), people sorted by content ascending.
-- Reads participation_people (participation-people.sql: the range and filter are applied there).
-- No parameters.
-- Output grain: one row per point, ordered; people: share of active people (0..1); content:
-- share of content they created (0..1). No rows when nobody created anything.
WITH per_person AS (SELECT person_id, content FROM participation_people),
cumulative AS (
  SELECT row_number() OVER w AS i, sum(content) OVER w AS cum
  FROM per_person
  WINDOW w AS (ORDER BY content, person_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
),
sizes AS (SELECT count(*) AS n, sum(content) AS total FROM per_person),
points AS (
  SELECT DISTINCT round(k * s.n / 20)::BIGINT AS i FROM range(0, 21) AS t(k), sizes s
)
SELECT
  (p.i / s.n)::DOUBLE AS people,
  (coalesce(c.cum, 0) / s.total)::DOUBLE AS content
FROM points p
CROSS JOIN sizes s
LEFT JOIN cumulative c ON c.i = p.i
WHERE s.total > 0
ORDER BY p.i
