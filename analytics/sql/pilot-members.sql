-- Names, departments and locations of given people (members of a saved pilot group).
-- Parameter: $ids VARCHAR (a JSON array of person ids). Output grain: one row per known id.
SELECT p.person_id AS "personId", i.display_name AS "displayName", p.department, p.location
FROM people p
LEFT JOIN identities i ON i.person_id = p.person_id
WHERE list_contains(from_json($ids, '["VARCHAR"]'), p.person_id)
