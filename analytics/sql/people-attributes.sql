-- Attributes of every account that the graph job needs. No parameters.
-- Output grain: one row per account.
SELECT person_id AS "personId", department, location, account_type AS "accountType"
FROM people
ORDER BY person_id
