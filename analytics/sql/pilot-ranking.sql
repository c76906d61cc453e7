-- Ranked people of a stored metrics period, best first: the influence-score order the pilot
-- builder uses for its baseline (top n by score) and to break ties. Official and bot accounts
-- are never ranked (rank IS NULL). Parameter: $period VARCHAR.
-- Output grain: one row per ranked person.
SELECT person_id AS "personId", rank
FROM person_metrics
WHERE period_id = $period AND rank IS NOT NULL
ORDER BY rank, person_id
