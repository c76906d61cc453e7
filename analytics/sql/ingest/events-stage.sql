-- Stage check of event rows. {{source}}: canonical events columns (VARCHAR) and rec.
-- $tz: configured time zone. Without an event_id the id is a hash of the row, so the same
-- row imported twice is recognised as a duplicate.
SELECT
  rec,
  nullif(trim(event_id), '') AS given_id,
  nullif(trim(actor_id), '') AS actor,
  lower(nullif(trim(action), '')) AS action_,
  nullif(trim(content_id), '') AS cid,
  nullif(trim(target_id), '') AS target,
  nullif(trim(detail), '') AS detail_,
  nullif(trim(occurred_at), '') AS occurred_raw,
  try_cast(occurred_raw AS TIMESTAMPTZ) AS ts,
  timezone($tz, ts)::DATE AS day_,
  CASE WHEN given_id IS NOT NULL THEN given_id ELSE 'h:' || md5(concat_ws('|', occurred_raw, actor, action_, cid, target, detail_)) END AS key_,
  CASE
    WHEN actor IS NULL THEN {'col': 'actor_id', 'msg': 'missing actor_id'}
    WHEN occurred_raw IS NULL THEN {'col': 'occurred_at', 'msg': 'missing occurred_at'}
    WHEN ts IS NULL THEN {'col': 'occurred_at', 'msg': 'unparsable timestamp (expected ISO 8601)'}
    WHEN action_ IS NULL THEN {'col': 'action', 'msg': 'missing action'}
    WHEN action_ NOT IN ('view', 'reaction', 'share', 'mention', 'praise', 'login', 'join')
      THEN {'col': 'action', 'msg': 'unknown action (expected view, reaction, share, mention, praise, login or join)'}
    WHEN action_ IN ('view', 'reaction', 'share') AND cid IS NULL THEN {'col': 'content_id', 'msg': 'missing content_id for this action'}
    WHEN action_ IN ('mention', 'praise') AND target IS NULL THEN {'col': 'target_id', 'msg': 'missing target_id for this action'}
  END AS problem,
  given_id IS NULL AS derived_,
  false AS is_dup
FROM {{source}}
