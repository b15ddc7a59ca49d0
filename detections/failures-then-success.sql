-- title: Successful sign-in after a run of failures
-- feeds: signinattempts
-- attack: T1110 Brute Force; T1078 Valid Accounts
--
-- Finds: a successful sign-in of an account that had 5 or more failed sign-ins (wrong password or
--   failed second factor) in the 30 minutes before it.
-- Why: the guessing worked, or the user gave in to a stream of MFA prompts: the most urgent case of
--   brute-force.sql and mfa-failure-burst.sql.
-- Tuning: the 5 and the 30 MINUTE below.
-- False positives: a user who forgot a changed password and got it right at last (same IP and
--   country as usual: compare with their other sign-ins).
WITH attempts AS (
  SELECT
    timestamp,
    target_user_email AS user,
    category,
    client_ip_address AS ip,
    country_name(country) AS country,
    count(*) FILTER (WHERE category IN ('credentials_failed', 'mfa_failed')) OVER (
      PARTITION BY target_user_email ORDER BY timestamp
      RANGE BETWEEN INTERVAL 30 MINUTE PRECEDING AND CURRENT ROW
    ) AS failures_before
  FROM signinattempts
  WHERE timestamp >= getvariable('since') - INTERVAL 30 MINUTE
)
SELECT timestamp AS signed_in_at, user, failures_before AS failures_in_30_min, ip, country
FROM attempts
WHERE category IN ('success', 'firewall_reported_success')
  AND timestamp >= getvariable('since')
  AND failures_before >= 5
ORDER BY signed_in_at DESC;
