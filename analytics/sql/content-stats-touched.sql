-- The items whose content_stats rows an import run changes: the run's own items, every
-- ancestor of the run's comments (a new reply changes the comment count, first response and
-- engagement of each item above it) and the items the run's views, reactions and shares act on.
-- Parameters: $run (INTEGER; NULL = every stored item, for a full rebuild).
-- Output: the temporary table content_touched(content_id), one row per item.
-- Parent chains are followed at most 100 levels, so a cycle of bad parent ids still ends.
CREATE OR REPLACE TEMP TABLE content_touched AS
WITH RECURSIVE ancestors(content_id, depth) AS (
  -- Only parents stored by earlier runs start a walk up: the run's own items are touched anyway,
  -- and their ancestors are reached from the first of them whose parent is older (on a first
  -- import nothing needs walking).
  SELECT c.parent_id, 1 FROM content c
  WHERE $run IS NOT NULL AND c.run_id = $run AND c.parent_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM content p WHERE p.content_id = c.parent_id AND p.run_id = $run)
  UNION ALL
  SELECT c.parent_id, a.depth + 1
  FROM ancestors a JOIN content c ON c.content_id = a.content_id
  WHERE c.parent_id IS NOT NULL AND a.depth < 100
)
SELECT DISTINCT content_id FROM (
  SELECT content_id FROM content WHERE $run IS NULL OR run_id = $run
  UNION ALL
  SELECT content_id FROM ancestors
  UNION ALL
  SELECT content_id FROM events
  WHERE $run IS NOT NULL AND run_id = $run AND action IN ('view', 'reaction', 'share') AND content_id IS NOT NULL
) touched
