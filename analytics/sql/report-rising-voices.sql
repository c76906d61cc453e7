-- How many ranked people carry the rising-voice role in one stored month (influence metrics),
-- for the monthly report: a count only, never names (executives get aggregates).
-- Parameters: $period (VARCHAR, e.g. 'month:2026-10'), $department, $location (VARCHAR or NULL = all).
-- Output: one row, risingVoices (INTEGER) and computed (BOOLEAN: whether the period is stored).
SELECT
  (SELECT count(*) FROM person_metrics m JOIN people p ON p.person_id = m.person_id
   WHERE m.period_id = $period AND m.rank IS NOT NULL
     AND list_contains(string_split(m.roles, ';'), 'risingVoice')
     AND ($department IS NULL OR p.department = $department)
     AND ($location IS NULL OR p.location = $location))::INTEGER AS "risingVoices",
  EXISTS (SELECT 1 FROM metric_periods WHERE period_id = $period) AS computed
