-- Stage check of content rows. {{source}}: canonical content columns (VARCHAR) and rec.
-- $tz: the configured time zone, for the local day. A question is a `question` kind or a
-- title/body with a question mark that ends a sentence (not one inside a URL).
SELECT
  rec,
  nullif(trim(content_id), '') AS cid,
  nullif(trim(author_id), '') AS author,
  nullif(trim(created_at), '') AS created_raw,
  try_cast(created_raw AS TIMESTAMPTZ) AS ts,
  timezone($tz, ts)::DATE AS day_,
  lower(nullif(trim(kind), '')) AS kind_raw,
  CASE WHEN kind_raw IN ('post', 'question') THEN 'post'
       WHEN kind_raw IN ('comment', 'reply', 'answer') THEN 'comment' END AS kind_,
  nullif(trim(parent_id), '') AS parent,
  coalesce(lower(nullif(trim(format), '')), 'text') AS format_,
  nullif(trim(space_id), '') AS space_,
  nullif(title, '') AS title_,
  nullif(body, '') AS body_,
  nullif(trim(topics), '') AS topics_,
  nullif(trim(external_url), '') AS url_,
  (kind_raw = 'question'
    OR regexp_matches(coalesce(title_, '') || ' ' || coalesce(body_, ''), '[?？]([\s"''»«“”)]|$)')) AS question_,
  length(body_)::INTEGER AS length_,
  CASE
    WHEN cid IS NULL THEN {'col': 'content_id', 'msg': 'missing content_id'}
    WHEN author IS NULL THEN {'col': 'author_id', 'msg': 'missing author_id'}
    WHEN created_raw IS NULL THEN {'col': 'created_at', 'msg': 'missing created_at'}
    WHEN ts IS NULL THEN {'col': 'created_at', 'msg': 'unparsable timestamp (expected ISO 8601)'}
    WHEN kind_raw IS NULL THEN {'col': 'kind', 'msg': 'missing kind'}
    WHEN kind_ IS NULL THEN {'col': 'kind', 'msg': 'unknown kind (expected post or comment)'}
    WHEN kind_ = 'comment' AND parent IS NULL THEN {'col': 'parent_id', 'msg': 'comment without parent_id'}
    WHEN kind_ = 'post' AND parent IS NOT NULL THEN {'col': 'parent_id', 'msg': 'a post has no parent_id (use kind comment for a reply)'}
    WHEN parent = cid THEN {'col': 'parent_id', 'msg': 'comment replies to itself'}
    WHEN format_ NOT IN ('text', 'image', 'gallery', 'video', 'audio', 'link', 'document', 'poll', 'event')
      THEN {'col': 'format', 'msg': 'unknown format (expected text, image, gallery, video, audio, link, document, poll or event)'}
  END AS problem,
  cid AS key_,
  false AS derived_,
  false AS is_dup
FROM {{source}}
