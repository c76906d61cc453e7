-- Breakdown values with their sizes (person accounts). No parameters.
-- Output grain: one row per (dimension, group).
SELECT 'department' AS dimension, department AS "group", count(*)::INTEGER AS people
FROM people WHERE account_type = 'person' AND department IS NOT NULL GROUP BY department
UNION ALL
SELECT 'location', location, count(*)::INTEGER FROM people WHERE account_type = 'person' AND location IS NOT NULL GROUP BY location
UNION ALL
SELECT 'space', coalesce(s.name, c.space_id), count(DISTINCT c.author_id)::INTEGER
FROM content c LEFT JOIN spaces s ON s.space_id = c.space_id WHERE c.space_id IS NOT NULL GROUP BY ALL
ORDER BY dimension, "group"
