-- title: Many items exported, revealed or copied in an hour
-- feeds: itemusages
-- attack: T1555.005 Credentials from Password Stores: Password Managers
--
-- Finds: a user who, within one clock hour, exported 5 or more items, or revealed or copied
--   concealed fields of 20 or more different items.
-- Why: harvesting a vault looks like this; everyday use touches a few items an hour, mostly `fill`.
-- Tuning: the 5 and 20 below.
-- False positives: a migration to another tool (many exports once), an administrator auditing a
--   shared vault. Item usages are uploaded when clients sync: some arrive late, so a run can see
--   an hour's usages over two runs.
WITH uses AS (
  SELECT *, country_name(location_country) AS country
  FROM itemusages
  WHERE timestamp >= getvariable('since') AND action IN ('export', 'reveal', 'secure-copy')
)
SELECT
  user_email AS user,
  date_trunc('hour', timestamp) AS hour,
  count(*) FILTER (WHERE action = 'export') AS exports,
  count(DISTINCT item_uuid) FILTER (WHERE action IN ('reveal', 'secure-copy')) AS items_revealed_or_copied,
  count(DISTINCT item_uuid) AS items,
  count(DISTINCT vault_uuid) AS vaults,
  string_agg(DISTINCT client_ip_address, ', ' ORDER BY client_ip_address) AS ip_addresses,
  string_agg(DISTINCT country, ', ' ORDER BY country) AS countries
FROM uses
GROUP BY user, hour
HAVING exports >= 5 OR items_revealed_or_copied >= 20
ORDER BY hour DESC, user;
