-- title: Sign-in from a country new for the user
-- feeds: signinattempts
-- attack: T1078 Valid Accounts
--
-- Finds: a successful sign-in from a country the user never signed in from before `since`. The
--   baseline is the exported history itself; a user with less than 7 days of history before `since`
--   is skipped (no baseline yet), so the first export does not flag everyone.
-- Why: a stolen password is mostly used from somewhere else; a first sign-in from a new country is
--   the cheapest strong signal there is.
-- Tuning: lists.csv: `country` (never new for anyone, e.g. your offices), `user_country`
--   (email=country, a remote employee), `ip`. 'CA' and 'Canada' count as the same country.
-- False positives: business travel and holidays (a few a week in a company of 300), VPN exits.
WITH sign_ins AS (
  SELECT
    timestamp,
    target_user_email AS user,
    country_name(country) AS country,
    client_ip_address AS ip,
    location_city AS city,
    client_app_name AS app
  FROM signinattempts
  WHERE category IN ('success', 'firewall_reported_success') AND country IS NOT NULL
),
baseline AS (
  SELECT user, min(timestamp) AS first_seen, list(DISTINCT country ORDER BY country) AS countries
  FROM sign_ins
  WHERE timestamp < getvariable('since')
  GROUP BY user
),
allowed AS (
  SELECT NULL AS user, country_name(value) AS country FROM lists WHERE kind = 'country'
  UNION ALL
  SELECT lower(split_part(value, '=', 1)), country_name(split_part(value, '=', 2))
  FROM lists WHERE kind = 'user_country'
)
SELECT
  s.user,
  s.country AS new_country,
  min(s.timestamp) AS first_sign_in,
  count(*) AS sign_ins,
  string_agg(DISTINCT s.city, ', ' ORDER BY s.city) AS cities,
  string_agg(DISTINCT s.ip, ', ' ORDER BY s.ip) AS ip_addresses,
  array_to_string(any_value(b.countries), ', ') AS usual_countries
FROM sign_ins AS s
JOIN baseline AS b ON b.user = s.user
WHERE s.timestamp >= getvariable('since')
  AND b.first_seen <= getvariable('since') - INTERVAL 7 DAY
  AND NOT list_contains(b.countries, s.country)
  AND NOT EXISTS (
    SELECT 1 FROM allowed AS a
    WHERE a.country = s.country AND (a.user IS NULL OR a.user = lower(s.user))
  )
  AND NOT EXISTS (
    SELECT 1 FROM lists WHERE kind = 'ip' AND s.ip LIKE replace(value, '*', '%')
  )
GROUP BY s.user, s.country
ORDER BY first_sign_in DESC;
