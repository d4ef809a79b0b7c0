-- Health (issue 15 point 6): the installation's server-level facts, true for the least-privileged reader. 'clr enabled'
-- is read live (sys.configurations is visible to every login). The facts a job login, an operator or a monitor login
-- cannot see (the trust entry in sys.trusted_assemblies needs VIEW SERVER STATE, VIEW SERVER SECURITY STATE from 2022;
-- the signer's link to the Counterpoint user and the certificate user's exact grants need VIEW DEFINITION there; the
-- master key's encryptions VIEW DEFINITION on the database) come from woo.usp_CheckInstall's last real answer, recorded
-- by woo.usp_PipelineHealth run by a caller who could see them (the deploy, a DBA), with when and by whom; no record, or
-- a record made on another server or another copy of the database (restore, failover), or one not confirmed for more
-- than 7 days (a trust entry dropped since, say: r15 finding 6), is UNKNOWN with the reason, never OK. counterpoint_access
-- is not recorded (as sysadmin the read proves nothing about the signature): woo.usp_CheckAlerts checks it as the job
-- login every 5 minutes (CPO-INSTALL). woo.usp_PipelineHealth adds the live answers its caller can see (and a live call into the CLR).
CREATE VIEW [woo].[HealthServer]
AS
SELECT 'clr_enabled' AS CheckName,
       CASE WHEN c.ClrEnabled = 1 THEN 'OK' WHEN c.ClrEnabled = 0 THEN 'CRITICAL' ELSE 'UNKNOWN' END AS [Status],
       CASE WHEN c.ClrEnabled = 1 THEN N'clr enabled = 1 (live).'
            WHEN c.ClrEnabled = 0 THEN N'clr enabled = 0 (live): nothing of CpOrders that uses the CLR runs. A sysadmin runs EXEC sp_configure ''clr enabled'', 1; RECONFIGURE;'
            ELSE N'sys.configurations has no ''clr enabled'' row for this caller.' END AS Reason,
       'live' AS [Source], CONVERT(datetime2 (0), NULL) AS RecordedAtUtc, CONVERT(sysname, NULL) AS RecordedBy
FROM (SELECT (SELECT CONVERT(int, x.value_in_use) FROM sys.configurations AS x WHERE x.name = N'clr enabled') AS ClrEnabled) AS c
UNION ALL
SELECT 'jobs_after_deploy',
       CASE WHEN j.Waiting = 0 THEN 'OK' ELSE 'WARNING' END,
       CASE WHEN j.Waiting = 0 THEN N'No job is left disabled by a deploy (live).'
            ELSE CONVERT(nvarchar (10), j.Waiting) + N' job(s) are still disabled by an unfinished deploy: EXEC woo.usp_RestoreJobsAfterDeploy;' END,
       'live', NULL, NULL
FROM (SELECT COUNT(*) AS Waiting FROM woo.DeployJobState) AS j
UNION ALL
SELECT n.CheckName,
       CASE WHEN r.CheckName IS NULL OR d.CreatedAt IS NULL OR r.ServerName <> ISNULL(@@SERVERNAME, N'') OR r.DatabaseCreatedAt <> d.CreatedAt
                 OR r.ConfirmedAtUtc < DATEADD(DAY, -7, SYSUTCDATETIME()) THEN 'UNKNOWN'
            WHEN r.[Status] = 'OK' THEN 'OK' WHEN r.[Status] = 'WARN' THEN 'WARNING' ELSE 'CRITICAL' END,
       CASE WHEN r.CheckName IS NULL
                THEN N'Not visible to every caller and never recorded: a DBA (sysadmin) runs EXEC woo.usp_PipelineHealth; once (every deploy records it too).'
            WHEN d.CreatedAt IS NULL OR r.ServerName <> ISNULL(@@SERVERNAME, N'') OR r.DatabaseCreatedAt <> d.CreatedAt
                THEN N'Recorded ' + CONVERT(nvarchar (30), r.ConfirmedAtUtc, 126) + N' UTC on server ' + r.ServerName
                     + N' for another copy of this database (restored, attached or failed over since?): not valid here. A DBA (sysadmin) runs EXEC woo.usp_PipelineHealth; on this server.'
            WHEN r.ConfirmedAtUtc < DATEADD(DAY, -7, SYSUTCDATETIME())
                THEN N'Recorded ' + CONVERT(nvarchar (30), r.ConfirmedAtUtc, 126) + N' UTC by ' + r.CheckedBy + N', more than 7 days ago: too old to vouch for now ('
                     + r.[Status] + N': ' + r.Detail + N'). A DBA (sysadmin) runs EXEC woo.usp_PipelineHealth; (weekly, or an Agent job of the DBA''s).'
            ELSE r.Detail + N' (recorded ' + CONVERT(nvarchar (30), r.ConfirmedAtUtc, 126) + N' UTC by ' + r.CheckedBy + N')' END,
       'recorded', r.ConfirmedAtUtc, r.CheckedBy
FROM (SELECT v.CheckName FROM (VALUES ('clr_trusted'), ('clr_answers'), ('modules_signed'), ('counterpoint_grants'), ('master_key')) AS v (CheckName)
      UNION
      SELECT i.CheckName FROM woo.InstallCheckRecord AS i WHERE i.CheckName NOT IN ('clr_enabled', 'jobs_after_deploy', 'counterpoint_access')) AS n
LEFT JOIN woo.InstallCheckRecord AS r ON r.CheckName = n.CheckName
CROSS JOIN (SELECT (SELECT db.create_date FROM sys.databases AS db WHERE db.database_id = DB_ID()) AS CreatedAt) AS d;
