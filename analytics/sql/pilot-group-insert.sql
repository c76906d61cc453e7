-- Saves a pilot group (see migration 008). Parameters: $name, $createdBy VARCHAR, $from, $to
-- (DATE), $request, $members (JSON text), $reached, $population INTEGER.
-- Output: one row, the new groupId INTEGER.
INSERT INTO pilot_groups
VALUES (nextval('pilot_group_seq'), $name, now(), $createdBy, $from::DATE, $to::DATE, $request, $members, $reached, $population)
RETURNING group_id::INTEGER AS "groupId"
