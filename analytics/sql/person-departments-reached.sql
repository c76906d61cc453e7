-- The departments of the people a person reached in a stored period.
-- Parameters: $person, $period. Output grain: one row per department (NULL = unknown).
SELECT department, people FROM person_department_reach
WHERE period_id = $period AND person_id = $person
ORDER BY people DESC, department
