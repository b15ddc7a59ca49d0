-- title: Someone added to a privileged group
-- feeds: auditevents
-- attack: T1098 Account Manipulation
--
-- Finds: a user added to (join), or given a new role in (role), a group listed as
--   `privileged_group` in lists.csv: typically Owners and Administrators.
-- Why: membership of these groups is control of the whole account; in a normal week nobody joins them.
-- Tuning: list the UUIDs of your privileged groups in lists.csv (the events carry the group's UUID,
--   not its name). With no `privileged_group` row, this rule finds nothing.
-- False positives: a planned promotion (check with the actor).
SELECT
  a.timestamp,
  g.note AS group_name,
  a.object_uuid AS group_uuid,
  a.action,
  a.actor_details_email AS by_user,
  a.aux_details_email AS member,
  a.aux_info AS role,
  a.session_ip AS ip,
  country_name(a.location_country) AS country
FROM auditevents AS a
JOIN lists AS g ON g.kind = 'privileged_group' AND g.value = a.object_uuid
WHERE a.object_type = 'gm' AND a.action IN ('join', 'role') AND a.timestamp >= getvariable('since')
ORDER BY a.timestamp DESC;
