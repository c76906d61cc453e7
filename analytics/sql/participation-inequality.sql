-- Participation inequality of one range of local days (DESIGN.md): the Gini coefficient of
-- content created (posts + comments) per active person, and the share of all content created by
-- the top 1 % and top 10 % of contributors.
-- Reads participation_people (participation-people.sql: the range and filter are applied there).
-- No parameters.
-- Output: one row. activePeople: person accounts with any activity in the range (those with no
-- content count as 0); contributors: those with content; content: items they created.
-- gini = 2·Σ i·x_i / (n·Σ x) − (n + 1) / n over the n active people sorted ascending (i = 1..n);
-- NULL when nobody created anything. The top p % are the ceil(p/100 · contributors) people with
-- the most content (at least one person); top*Share is their content / all content.
WITH per_person AS (SELECT person_id, content FROM participation_people),
ascending AS (
  SELECT content, row_number() OVER (ORDER BY content, person_id) AS i FROM per_person
),
descending AS (
  SELECT content, row_number() OVER (ORDER BY content DESC, person_id) AS r FROM per_person WHERE content > 0
),
sizes AS (
  SELECT (SELECT count(*) FROM per_person) AS n, (SELECT coalesce(sum(content), 0) FROM per_person) AS total,
    (SELECT count(*) FROM descending) AS contributors
),
tops AS (
  SELECT greatest(1, ceil(s.contributors * 0.01))::INTEGER AS top1, greatest(1, ceil(s.contributors * 0.10))::INTEGER AS top10
  FROM sizes s
)
SELECT
  s.n::INTEGER AS "activePeople",
  s.contributors::INTEGER AS contributors,
  s.total::INTEGER AS content,
  CASE WHEN s.total > 0 THEN 2 * (SELECT sum(i * content) FROM ascending) / (s.n * s.total) - (s.n + 1) / s.n END::DOUBLE AS gini,
  CASE WHEN s.total > 0 THEN (SELECT sum(content) FROM descending WHERE r <= t.top1) / s.total END::DOUBLE AS "top1PercentShare",
  CASE WHEN s.total > 0 THEN (SELECT sum(content) FROM descending WHERE r <= t.top10) / s.total END::DOUBLE AS "top10PercentShare",
  CASE WHEN s.contributors > 0 THEN t.top1 END::INTEGER AS "top1PercentPeople",
  CASE WHEN s.contributors > 0 THEN t.top10 END::INTEGER AS "top10PercentPeople"
FROM sizes s, tops t
