-- One account's identity and attributes. Parameters: $person VARCHAR. Output: zero or one row.
SELECT p.person_id AS "personId", i.display_name AS "displayName", p.department, p.location,
  p.job_title AS "jobTitle", p.account_type AS "accountType", p.is_placeholder AS "isPlaceholder",
  strftime(p.employed_from, '%Y-%m-%d') AS "employedFrom", strftime(p.employed_to, '%Y-%m-%d') AS "employedTo"
FROM people p LEFT JOIN identities i ON i.person_id = p.person_id
WHERE p.person_id = $person
