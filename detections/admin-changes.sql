-- title: Sign-in, firewall and recovery settings changed
-- feeds: auditevents
-- attack: T1556 Modify Authentication Process; T1531 Account Access Removal
--
-- Finds: changes to how people sign in (SSO on/off and its settings, SSO groups), the sign-in
--   firewall rules (`updatfw`), account recovery started or completed, and users suspended,
--   reactivated or deleted. Group membership, MFA, Duo and tokens have their own rules.
-- Why: each weakens or reroutes sign-in, or takes access away; a digest of them is the weekly
--   "who changed what" an administrator wants to read.
-- Tuning: delete lines from `watched` that your team changes daily.
-- False positives: by nature, most rows are planned changes: the digest is for review, not alarm.
WITH watched(action, object_type, change) AS (
  VALUES
    ('enblsso',  '*',    'SSO enabled'),
    ('disblsso', '*',    'SSO disabled'),
    ('chngasso', '*',    'SSO settings changed'),
    ('chngdsso', '*',    'SSO settings changed'),
    ('chngpsso', '*',    'SSO settings changed'),
    ('addgsso',  '*',    'SSO group added'),
    ('delgsso',  '*',    'SSO group removed'),
    ('updatfw',  '*',    'firewall rules changed'),
    ('beginr',   'user', 'account recovery started'),
    ('completr', 'user', 'account recovery completed'),
    ('suspend',  'user', 'user suspended'),
    ('reactive', 'user', 'user reactivated'),
    ('delete',   'user', 'user deleted')
)
SELECT
  a.timestamp,
  w.change,
  a.actor_details_email AS by_user,
  coalesce(a.object_details_email, a.aux_details_email) AS affected_user,
  a.aux_info,
  a.session_ip AS ip,
  country_name(a.location_country) AS country
FROM auditevents AS a
JOIN watched AS w ON a.action = w.action AND w.object_type IN ('*', a.object_type)
WHERE a.timestamp >= getvariable('since')
ORDER BY a.timestamp DESC;
