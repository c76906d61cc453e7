-- Who a space has ever reached, with the month of first contact: the "known audience" the
-- adoption breakdown by space counts as its headcount (adoption-breakdown-spaces.sql). One row
-- per (space, person) instead of one per (space, person, month), so the breakdown no longer
-- reads every month of space_activity_monthly up to the one asked for. Rebuilt from
-- space_activity_monthly whenever that is refreshed (space-audience-refresh.sql).

CREATE TABLE space_audience (
  space_id VARCHAR NOT NULL,
  person_id VARCHAR NOT NULL,
  first_month DATE NOT NULL           -- first local calendar month with any act (join included)
);

INSERT INTO space_audience
SELECT space_id, person_id, min(month) FROM space_activity_monthly GROUP BY space_id, person_id;
