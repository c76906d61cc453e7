-- Number of person accounts matching a department/location filter (for the minimum group size).
-- Parameters: $department, $location (VARCHAR or NULL = all). Output: one row, people INTEGER.
SELECT count(*)::INTEGER AS people FROM people
WHERE account_type = 'person'
  AND ($department IS NULL OR department = $department)
  AND ($location IS NULL OR location = $location)
