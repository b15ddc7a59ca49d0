-- title: Duo integration disabled or changed
-- feeds: auditevents
-- attack: T1556.006 Modify Authentication Process: Multi-Factor Authentication
--
-- Finds: the account's Duo integration disabled (`disblduo`), changed (`updatduo`) or enabled
--   (`enblduo`).
-- Why: Duo is the second factor of everyone in accounts that use it; disabling it or pointing it at
--   another Duo application weakens every sign-in at once.
-- Tuning: none; these are rare. Drop `enblduo` if only removals interest you.
-- False positives: planned Duo key rotation (updatduo) by an administrator.
SELECT
  timestamp,
  CASE action
    WHEN 'disblduo' THEN 'Duo disabled'
    WHEN 'updatduo' THEN 'Duo settings changed'
    ELSE 'Duo enabled'
  END AS change,
  actor_details_email AS by_user,
  session_ip AS ip,
  country_name(location_country) AS country
FROM auditevents
WHERE action IN ('disblduo', 'updatduo', 'enblduo') AND timestamp >= getvariable('since')
ORDER BY timestamp DESC;
