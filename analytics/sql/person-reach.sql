-- Reach per person from reach_stage (see reach-stage.sql). No parameters.
-- Output grain: one row per person with reach > 0.
-- crossDepartmentReach: distinct departments among the reached, other than the person's own;
-- departmentEntropy: Shannon entropy (bits) of the reached people's departments (unknown excluded).
WITH per_department AS (
  SELECT person, department, count(*) AS n FROM reach_stage GROUP BY person, department
),
entropy AS (
  SELECT person, -sum((n / total) * log2(n / total)) AS h
  FROM (SELECT person, department, n, sum(n) OVER (PARTITION BY person) AS total FROM per_department WHERE department IS NOT NULL)
  GROUP BY person
)
SELECT r.person AS "personId",
  count(*)::INTEGER AS reach,
  count(DISTINCT r.department) FILTER (WHERE r.department IS DISTINCT FROM me.department)::INTEGER AS "crossDepartmentReach",
  coalesce(any_value(en.h), 0)::DOUBLE AS "departmentEntropy"
FROM reach_stage r
JOIN people me ON me.person_id = r.person
LEFT JOIN entropy en ON en.person = r.person
GROUP BY r.person
