-- Keeps names and e-mails apart from analytics; a later import fills in what was missing.
INSERT INTO identities (person_id, display_name, email)
SELECT pid, name_, email_ FROM stg_people
WHERE problem IS NULL AND NOT is_dup AND (name_ IS NOT NULL OR email_ IS NOT NULL)
ON CONFLICT (person_id) DO UPDATE SET
  display_name = coalesce(excluded.display_name, identities.display_name),
  email = coalesce(excluded.email, identities.email)
