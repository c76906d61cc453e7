-- Inserts good staged interactions not stored yet. $source, $run.
INSERT INTO interactions
SELECT s.key_, s.src, s.dst, s.ts, s.day_, s.channel_, s.weight_, $source, $run
FROM stg_interactions s
WHERE s.problem IS NULL AND NOT s.is_dup
  AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.interaction_id = s.key_)
