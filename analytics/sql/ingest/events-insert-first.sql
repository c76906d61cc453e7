-- Inserts good staged events into an events table that is still empty (the first import):
-- there is nothing to be a duplicate of, so the anti-join of events-insert.sql is skipped.
-- $source, $run.
INSERT INTO events
SELECT s.key_, s.ts, s.day_, s.actor, s.action_, s.cid, s.target, s.detail_, $source, $run
FROM stg_events s
WHERE s.problem IS NULL AND NOT s.is_dup
