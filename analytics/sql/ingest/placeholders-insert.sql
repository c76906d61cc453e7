-- Creates flagged placeholder accounts for people that activity refers to but no people file
-- names. $source, $run. Runs after the people merge.
INSERT INTO people (person_id, account_type, is_placeholder, source, run_id)
SELECT id, 'person', true, $source, $run
FROM (
  SELECT author AS id FROM stg_content WHERE problem IS NULL AND NOT is_dup
  UNION SELECT actor FROM stg_events WHERE problem IS NULL AND NOT is_dup
  UNION SELECT target FROM stg_events WHERE problem IS NULL AND NOT is_dup AND target IS NOT NULL
  UNION SELECT src FROM stg_interactions WHERE problem IS NULL AND NOT is_dup
  UNION SELECT dst FROM stg_interactions WHERE problem IS NULL AND NOT is_dup
  UNION SELECT pid FROM stg_programmes WHERE problem IS NULL AND NOT is_dup
) referenced
WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people p WHERE p.person_id = referenced.id)
