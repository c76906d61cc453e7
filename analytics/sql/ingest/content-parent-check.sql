-- Rejects comments whose parent is neither stored nor among the good staged rows. Run until it
-- changes no row, so a reply to a rejected comment is rejected too.
UPDATE stg_content SET problem = {'col': 'parent_id', 'msg': 'parent_id not found (the item replied to is not in this import or the database)'}
WHERE problem IS NULL AND parent IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM content c WHERE c.content_id = stg_content.parent)
  AND parent NOT IN (SELECT cid FROM stg_content s2 WHERE s2.problem IS NULL)
