-- title: Burst of failed second factors (MFA fatigue)
-- feeds: signinattempts
-- attack: T1621 Multi-Factor Authentication Request Generation
--
-- Finds: an account with 5 or more failed second factors (mfa_failed: rejected or timed-out Duo
--   pushes, wrong codes) within 15 minutes.
-- Why: whoever triggers the prompts already has the password; repeated pushes wear the user down
--   until one is accepted (see failures-then-success.sql).
-- Tuning: the 5 and the 15 MINUTE below.
-- False positives: a phone with a wrong clock (totp_bad in a row), a user who lost their device.
WITH failures AS (
  SELECT
    timestamp,
    target_user_email AS user,
    type,
    client_ip_address AS ip,
    country_name(country) AS country,
    count(*) OVER (
      PARTITION BY target_user_email ORDER BY timestamp
      RANGE BETWEEN INTERVAL 15 MINUTE PRECEDING AND CURRENT ROW
    ) AS failures_in_15_min
  FROM signinattempts
  WHERE category = 'mfa_failed' AND timestamp >= getvariable('since') - INTERVAL 15 MINUTE
)
SELECT
  user,
  max(failures_in_15_min) AS failures_in_15_min,
  string_agg(DISTINCT type, ', ' ORDER BY type) AS types,
  min(timestamp) AS first_failure,
  max(timestamp) AS last_failure,
  string_agg(DISTINCT ip, ', ' ORDER BY ip) AS ip_addresses,
  string_agg(DISTINCT country, ', ' ORDER BY country) AS countries
FROM failures
WHERE timestamp >= getvariable('since')
GROUP BY user
HAVING max(failures_in_15_min) >= 5
ORDER BY failures_in_15_min DESC, user;
