-- Inserts good staged content that is not stored yet (re-import is idempotent). $source, $run.
INSERT INTO content
SELECT s.cid, s.author, s.ts, s.day_, s.kind_, s.parent, s.format_, s.space_, s.title_, s.body_, s.topics_, s.url_,
       s.question_, s.length_, $source, $run
FROM stg_content s
WHERE s.problem IS NULL AND NOT s.is_dup
  AND NOT EXISTS (SELECT 1 FROM content c WHERE c.content_id = s.cid)
