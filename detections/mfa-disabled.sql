-- title: Two-factor authentication turned off or its policy changed
-- feeds: auditevents
-- attack: T1556.006 Modify Authentication Process: Multi-Factor Authentication
--
-- Finds: two-factor authentication disabled for a user or for the account (`disblmfa`), and changes
--   to the two-factor policy (`updatmfa`).
-- Why: with the second factor gone, a password alone opens the account; attackers remove it to keep
--   access.
-- Tuning: drop `updatmfa` if your administrators tune the policy often.
-- False positives: a user who lost their phone, reset by an administrator (affected_user differs
--   from by_user, and `enblmfa` follows soon).
SELECT
  timestamp,
  CASE action WHEN 'disblmfa' THEN 'two-factor authentication disabled' ELSE 'two-factor policy changed' END AS change,
  actor_details_email AS by_user,
  coalesce(object_details_email, CASE object_type WHEN 'account' THEN '(whole account)' END) AS affected_user,
  object_type,
  session_ip AS ip,
  country_name(location_country) AS country
FROM auditevents
WHERE action IN ('disblmfa', 'updatmfa') AND timestamp >= getvariable('since')
ORDER BY timestamp DESC;
