-- Reach pairs of the pilot population as integer pairs: `person` reached `other` in the period
-- (reach_stage, see reach-stage.sql), both colleagues of pilot_people (pilot-people.sql); run
-- both first on this connection. No parameters.
-- Output grain: one row per (person, other) reached, person ≠ other; person, other INTEGER idx.
SELECT a.idx AS person, b.idx AS other
FROM reach_stage r
JOIN pilot_people a ON a.person_id = r.person
JOIN pilot_people b ON b.person_id = r.other
