-- Writes staged usage counts (temp table m365_usage_stage: person_id, report_refresh_date as
-- ISO text, report_period_days, posted, read, liked) into usage_counts inside the import transaction.
-- New rows are inserted, rows whose counts changed are updated, identical rows are left alone
-- (so rowsChanged is what was written). Only people that exist are written. $source, $run.
INSERT INTO usage_counts (person_id, report_refresh_date, report_period_days, posted, "read", liked, source, run_id)
SELECT s.person_id, s.report_refresh_date::DATE, s.report_period_days, s.posted, s."read", s.liked, $source, $run
FROM m365_usage_stage s
LEFT JOIN usage_counts u
  ON u.person_id = s.person_id AND u.report_refresh_date = s.report_refresh_date::DATE
 AND u.report_period_days = s.report_period_days AND u.source = $source
WHERE EXISTS (SELECT 1 FROM people p WHERE p.person_id = s.person_id)
  AND (u.person_id IS NULL OR u.posted <> s.posted OR u."read" <> s."read" OR u.liked <> s.liked)
ON CONFLICT (person_id, report_refresh_date, report_period_days, source) DO UPDATE SET
  posted = excluded.posted, "read" = excluded."read", liked = excluded.liked, run_id = excluded.run_id
