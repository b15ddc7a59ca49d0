-- title: Brute force against one account
-- feeds: signinattempts
-- attack: T1110.001 Brute Force: Password Guessing
--
-- Finds: an account with 10 or more wrong passwords (credentials_failed) within any 15 minutes.
-- Why: people mistype a password two or three times, not ten; a burst is someone guessing.
-- Tuning: the 10 and the 15 MINUTE below. Addresses listed as `ip` in lists.csv are not counted.
-- False positives: a script or an old device retrying a changed password in a loop (one IP that is
--   the user's own, steady pace, often for hours).
WITH failures AS (
  SELECT
    timestamp,
    target_user_email AS user,
    client_ip_address AS ip,
    country_name(country) AS country,
    count(*) OVER (
      PARTITION BY target_user_email ORDER BY timestamp
      RANGE BETWEEN INTERVAL 15 MINUTE PRECEDING AND CURRENT ROW
    ) AS failures_in_15_min
  FROM signinattempts
  WHERE category = 'credentials_failed'
    AND timestamp >= getvariable('since') - INTERVAL 15 MINUTE
    AND NOT EXISTS (
      SELECT 1 FROM lists
      WHERE kind = 'ip' AND client_ip_address LIKE replace(value, '*', '%')
    )
)
SELECT
  user,
  max(failures_in_15_min) AS failures_in_15_min,
  count(*) AS failures,
  min(timestamp) AS first_failure,
  max(timestamp) AS last_failure,
  string_agg(DISTINCT ip, ', ' ORDER BY ip) AS ip_addresses,
  string_agg(DISTINCT country, ', ' ORDER BY country) AS countries
FROM failures
WHERE timestamp >= getvariable('since')
GROUP BY user
HAVING max(failures_in_15_min) >= 10
ORDER BY failures_in_15_min DESC, user;
