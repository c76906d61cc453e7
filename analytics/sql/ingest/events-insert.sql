-- Inserts good staged events not stored yet (by event_id, or the row hash). $source, $run.
INSERT INTO events
SELECT s.key_, s.ts, s.day_, s.actor, s.action_, s.cid, s.target, s.detail_, $source, $run
FROM stg_events s
WHERE s.problem IS NULL AND NOT s.is_dup
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = s.key_)
