-- title: Several items shared by one user
-- feeds: itemusages, auditevents
-- attack: T1555.005 Credentials from Password Stores: Password Managers
--
-- Finds: a user who shared 3 or more items (item sharing links: item usage action `share`, audit
--   action `share` on an item) since `since`.
-- Why: a share link hands the item to anyone who has the link; several in a row from one account is
--   how a vault leaks without an export.
-- Tuning: the 3 below; set it to 1 to see every share.
-- False positives: onboarding a contractor, a team handing over a handful of shared logins.
WITH shares AS (
  SELECT timestamp, user_email AS user, item_uuid AS item, client_ip_address AS ip,
         country_name(location_country) AS country
  FROM itemusages
  WHERE action = 'share' AND timestamp >= getvariable('since')
  UNION ALL
  SELECT timestamp, actor_details_email, object_uuid, session_ip, country_name(location_country)
  FROM auditevents
  WHERE action = 'share' AND object_type = 'item' AND timestamp >= getvariable('since')
)
SELECT
  user,
  count(DISTINCT item) AS items_shared,
  min(timestamp) AS first_share,
  max(timestamp) AS last_share,
  string_agg(DISTINCT ip, ', ' ORDER BY ip) AS ip_addresses,
  string_agg(DISTINCT country, ', ' ORDER BY country) AS countries
FROM shares
GROUP BY user
HAVING count(DISTINCT item) >= 3
ORDER BY items_shared DESC, user;
