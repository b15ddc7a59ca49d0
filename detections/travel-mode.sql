-- title: Travel Mode turned on or off
-- feeds: auditevents
--
-- Finds: Travel Mode turned on (`trvlaway`) or off (`trvlback`).
-- Why: with Travel Mode on, only vaults marked safe for travel stay on devices; turning it off
--   brings every vault back. Someone else's account turning it off, or an on/off pair within an
--   hour, deserves a question. No ATT&CK technique fits closely.
-- Tuning: none; these are rare.
-- False positives: real trips (on before, off after).
SELECT
  timestamp,
  CASE action WHEN 'trvlaway' THEN 'Travel Mode on' ELSE 'Travel Mode off' END AS change,
  actor_details_email AS by_user,
  object_details_email AS user,
  session_ip AS ip,
  country_name(location_country) AS country
FROM auditevents
WHERE action IN ('trvlaway', 'trvlback') AND timestamp >= getvariable('since')
ORDER BY timestamp DESC;
