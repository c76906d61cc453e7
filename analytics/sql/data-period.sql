-- The data period: first and last local day with counted activity. No parameters.
-- Output: one row, "from" and "to" as 'YYYY-MM-DD' (NULL when there is no activity).
SELECT strftime(min(day), '%Y-%m-%d') AS "from", strftime(max(day), '%Y-%m-%d') AS "to" FROM activity_daily
