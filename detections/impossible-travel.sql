-- title: Impossible travel between two sign-ins
-- feeds: signinattempts
-- attack: T1078 Valid Accounts
--
-- Finds: two consecutive successful sign-ins of one account whose places (location latitude and
--   longitude) are more than 500 km apart and would need a speed over 900 km/h.
-- Why: one of the two is not the user: a stolen session, password or device in another country.
-- Tuning: the 500 (km) and 900 (km/h) below. The previous sign-in may lie before `since`.
-- False positives: VPNs and mobile networks that exit far away (geolocation follows the exit), a
--   flight with sign-ins just before and after. Sign-ins without a location are skipped.
WITH sign_ins AS (
  SELECT
    timestamp,
    target_user_email AS user,
    client_ip_address AS ip,
    location_city AS city,
    country_name(coalesce(location_country, country)) AS country,
    location_latitude AS lat,
    location_longitude AS lon
  FROM signinattempts
  WHERE category IN ('success', 'firewall_reported_success')
    AND location_latitude IS NOT NULL AND location_longitude IS NOT NULL
),
pairs AS (
  SELECT
    *,
    lag(timestamp) OVER w AS prev_timestamp,
    lag(city) OVER w AS prev_city,
    lag(country) OVER w AS prev_country,
    lag(ip) OVER w AS prev_ip,
    lag(lat) OVER w AS prev_lat,
    lag(lon) OVER w AS prev_lon
  FROM sign_ins
  WINDOW w AS (PARTITION BY user ORDER BY timestamp)
),
measured AS (
  SELECT
    *,
    2 * 6371 * asin(sqrt(
      pow(sin(radians(lat - prev_lat) / 2), 2)
      + cos(radians(prev_lat)) * cos(radians(lat)) * pow(sin(radians(lon - prev_lon) / 2), 2)
    )) AS km,
    greatest(epoch(timestamp) - epoch(prev_timestamp), 60) / 3600 AS hours
  FROM pairs
  WHERE prev_timestamp IS NOT NULL
)
SELECT
  user,
  prev_timestamp AS from_time,
  concat_ws(', ', prev_city, prev_country) AS from_place,
  prev_ip AS from_ip,
  timestamp AS to_time,
  concat_ws(', ', city, country) AS to_place,
  ip AS to_ip,
  round(km)::INTEGER AS km,
  round(km / hours)::INTEGER AS km_per_hour
FROM measured
WHERE timestamp >= getvariable('since') AND km > 500 AND km / hours > 900
ORDER BY to_time DESC;
