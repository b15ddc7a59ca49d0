-- title: Master password or Secret Key changed from an unfamiliar address
-- feeds: auditevents, signinattempts
-- attack: T1098 Account Manipulation
--
-- Finds: a master password (`changemp`) or Secret Key (`changesk`) change made from an IP address
--   the user had not used before `since` (in sign-ins or audit events).
-- Why: an attacker who got in changes both to lock the owner out; from the user's usual address a
--   change is routine.
-- Tuning: delete the `AND NOT EXISTS (...)` part to list every change.
-- False positives: a change made on a new network (a new home ISP, a hotel).
WITH known_ips AS (
  SELECT lower(target_user_email) AS user, client_ip_address AS ip
  FROM signinattempts
  WHERE timestamp < getvariable('since') AND category IN ('success', 'firewall_reported_success')
  UNION
  SELECT lower(actor_details_email), session_ip
  FROM auditevents
  WHERE timestamp < getvariable('since')
)
SELECT
  a.timestamp,
  CASE a.action WHEN 'changemp' THEN 'master password changed' ELSE 'Secret Key changed' END AS change,
  coalesce(a.object_details_email, a.actor_details_email) AS user,
  a.actor_details_email AS by_user,
  a.session_ip AS ip,
  country_name(a.location_country) AS country
FROM auditevents AS a
WHERE a.action IN ('changemp', 'changesk') AND a.timestamp >= getvariable('since')
  AND NOT EXISTS (
    SELECT 1 FROM known_ips AS k WHERE k.user = lower(a.actor_details_email) AND k.ip = a.session_ip
  )
ORDER BY a.timestamp DESC;
