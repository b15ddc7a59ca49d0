-- title: Vaults deleted or items purged in bulk
-- feeds: auditevents
-- attack: T1485 Data Destruction
--
-- Finds: an actor who, within one clock hour, deleted 2 or more vaults or purged (deleted for good)
--   5 or more items or vaults.
-- Why: deleting the team's credentials is sabotage or ransom; purged items cannot be restored.
-- Tuning: the 2 and 5 below; set both to 1 to see every vault deletion and purge.
-- False positives: a planned clean-up of an old team's vaults.
SELECT
  actor_details_email AS by_user,
  date_trunc('hour', timestamp) AS hour,
  count(*) FILTER (WHERE action = 'delete' AND object_type = 'vault') AS vaults_deleted,
  count(*) FILTER (WHERE action = 'purge') AS purged,
  min(timestamp) AS first_change,
  max(timestamp) AS last_change,
  string_agg(DISTINCT session_ip, ', ' ORDER BY session_ip) AS ip_addresses
FROM auditevents
WHERE timestamp >= getvariable('since')
  AND ((action = 'delete' AND object_type = 'vault') OR action = 'purge')
GROUP BY ALL
HAVING vaults_deleted >= 2 OR purged >= 5
ORDER BY hour DESC, by_user;
