-- Rejects views, reactions and shares of content that is neither stored nor imported now.
UPDATE stg_events SET problem = {'col': 'content_id', 'msg': 'content_id not found (the item acted on is not in this import or the database)'}
WHERE problem IS NULL AND cid IS NOT NULL AND action_ IN ('view', 'reaction', 'share')
  AND cid NOT IN (SELECT cid FROM stg_content WHERE problem IS NULL AND NOT is_dup)
  AND NOT EXISTS (SELECT 1 FROM content c WHERE c.content_id = stg_events.cid)
