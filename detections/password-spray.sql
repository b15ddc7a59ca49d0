-- title: Password spraying from one address
-- feeds: signinattempts
-- attack: T1110.003 Brute Force: Password Spraying
--
-- Finds: one IP address with failed sign-ins (wrong password or SSO failure) against 5 or more
--   different accounts within an hour.
-- Why: a spray tries one common password against many accounts, staying under per-account lockouts;
--   per-account rules (brute-force.sql) do not see it.
-- Tuning: the 5 and the 1 HOUR below. Add office and VPN addresses (shared by many people) to
--   lists.csv as `ip`.
-- False positives: a shared office or VPN address on a morning after a password policy change.
WITH failures AS (
  SELECT timestamp, client_ip_address AS ip, target_user_email AS user, country_name(country) AS country
  FROM signinattempts
  WHERE category IN ('credentials_failed', 'sso_failed')
    AND timestamp >= getvariable('since') - INTERVAL 1 HOUR
    AND NOT EXISTS (
      SELECT 1 FROM lists
      WHERE kind = 'ip' AND client_ip_address LIKE replace(value, '*', '%')
    )
),
bursts AS (
  SELECT a.ip, a.timestamp AS at, count(DISTINCT b.user) AS accounts
  FROM failures AS a
  JOIN failures AS b
    ON a.ip = b.ip AND b.timestamp BETWEEN a.timestamp - INTERVAL 1 HOUR AND a.timestamp
  WHERE a.timestamp >= getvariable('since')
  GROUP BY ALL
)
SELECT
  f.ip,
  max(b.accounts) AS accounts_in_1_hour,
  count(DISTINCT f.user) AS accounts,
  count(*) AS failures,
  min(f.timestamp) AS first_failure,
  max(f.timestamp) AS last_failure,
  string_agg(DISTINCT f.country, ', ' ORDER BY f.country) AS countries
FROM failures AS f
JOIN bursts AS b ON b.ip = f.ip
WHERE f.timestamp >= getvariable('since')
GROUP BY f.ip
HAVING max(b.accounts) >= 5
ORDER BY accounts_in_1_hour DESC, f.ip;
