-- Rebuilds space_audience (migration 009) from space_activity_monthly: each (space, person) with
-- the first month of any act in the space, joins included. Run after space_activity_monthly
-- changed, inside the same transaction. No parameters. Grain: one row per (space, person).
INSERT INTO space_audience
SELECT space_id, person_id, min(month) FROM space_activity_monthly GROUP BY space_id, person_id
