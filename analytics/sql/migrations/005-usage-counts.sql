-- Per-user usage counts from Microsoft 365 usage reports ("Viva Engage activity user detail"):
-- how many messages a person posted, read and liked in the report period that ends on the
-- report refresh date. These feed adoption only; they make no edges and no content. The
-- Last Activity Date of the same report becomes a `login` event (analytics/ingest/m365.ts).
-- Grain: one row per person, refresh date, period length and source; a re-import of the same
-- report changes nothing, a corrected report updates the counts.
CREATE TABLE usage_counts (
  person_id VARCHAR NOT NULL,
  report_refresh_date DATE NOT NULL,
  report_period_days INTEGER NOT NULL,  -- 7, 30, 90 or 180
  posted INTEGER NOT NULL,
  "read" INTEGER NOT NULL,
  liked INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  run_id INTEGER,
  PRIMARY KEY (person_id, report_refresh_date, report_period_days, source)
);
