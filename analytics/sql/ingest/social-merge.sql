-- Inserts or updates external social figures per (period, account, platform). $source, $run.
INSERT INTO social
SELECT s.period_, s.account_, s.platform_, s.followers_, s.posts_, s.impressions_, s.reactions_, s.comments_, s.shares_, $source, $run
FROM stg_social s LEFT JOIN social p ON p.period_start = s.period_ AND p.account = s.account_ AND p.platform = s.platform_
WHERE s.problem IS NULL AND NOT s.is_dup
  AND (p.account IS NULL OR p.followers IS DISTINCT FROM s.followers_ OR p.posts IS DISTINCT FROM s.posts_
    OR p.impressions IS DISTINCT FROM s.impressions_ OR p.reactions IS DISTINCT FROM s.reactions_
    OR p.comments IS DISTINCT FROM s.comments_ OR p.shares IS DISTINCT FROM s.shares_)
ON CONFLICT (period_start, account, platform) DO UPDATE SET
  followers = excluded.followers, posts = excluded.posts, impressions = excluded.impressions,
  reactions = excluded.reactions, comments = excluded.comments, shares = excluded.shares, run_id = excluded.run_id
