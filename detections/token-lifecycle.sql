-- title: Service account, SSO and Slack app tokens created or revoked
-- feeds: auditevents
-- attack: T1098.001 Account Manipulation: Additional Cloud Credentials
--
-- Finds: every creation, revocation or removal of a service account, a service account token, an SSO
--   token or a Slack app, and "deauthorize all devices" of a service account (`dealldev sa`).
-- Why: a service account token reads vaults without a person, MFA or a device; a token created and
--   revoked soon after is how someone takes a copy and covers it (created_and_revoked).
-- Tuning: drop actions from the list below that your automation does daily.
-- False positives: CI tokens rotated by a person; each row names the actor to ask.
WITH changes AS (
  SELECT
    timestamp,
    actor_details_email AS by_user,
    action,
    object_type,
    object_uuid,
    aux_info,
    session_ip AS ip
  FROM auditevents
  WHERE timestamp >= getvariable('since')
    AND object_type IN ('sa', 'satoken', 'ssotkn', 'slackapp')
    AND action IN ('create', 'revoke', 'trevoke', 'delete', 'dealldev', 'update')
)
SELECT
  timestamp,
  CASE object_type
    WHEN 'sa' THEN 'service account'
    WHEN 'satoken' THEN 'service account token'
    WHEN 'ssotkn' THEN 'SSO token'
    WHEN 'slackapp' THEN 'Slack app'
  END || ' ' || CASE action
    WHEN 'create' THEN 'created'
    WHEN 'update' THEN 'changed'
    WHEN 'delete' THEN 'deleted'
    WHEN 'dealldev' THEN 'devices deauthorized'
    ELSE 'revoked'
  END AS change,
  by_user,
  object_uuid,
  aux_info,
  ip,
  count(*) FILTER (WHERE action = 'create') OVER (PARTITION BY object_uuid) > 0
    AND count(*) FILTER (WHERE action IN ('revoke', 'trevoke', 'delete')) OVER (PARTITION BY object_uuid) > 0
    AS created_and_revoked
FROM changes
ORDER BY timestamp DESC;
