-- Stores, for a period, how many people of each department every person reached, from
-- reach_stage (see reach-stage.sql). Parameters: $period. Grain: one row per (person, department).
INSERT INTO person_department_reach
SELECT $period, person, department, count(*)::INTEGER FROM reach_stage GROUP BY person, department
