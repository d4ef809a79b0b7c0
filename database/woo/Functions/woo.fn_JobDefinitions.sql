-- The CpOrders jobs of this database, one row each (design 8): what runs (one T-SQL step in this database) and when.
-- The one source of both schedulers: woo.usp_InstallJobs makes SQL Agent jobs from it, woo.usp_ScriptTaskScheduler
-- prints the Windows Task Scheduler commands for Express. Job names carry the database name (several CpOrders
-- databases, one per company, can share an instance: design 3). A job whose EntryProcedure does not exist in this
-- database is not installed (woo.usp_InstallJobs says so). A new job is one more row here.
-- Agent schedule columns are msdb's (sp_add_jobschedule): FreqType 4 = daily; FreqSubdayType 1 = once at
-- ActiveStartTime (hhmmss), 2 = every FreqSubdayInterval seconds, 4 = minutes, 8 = hours.
-- TaskSchedule is the same schedule as schtasks.exe arguments (its smallest repetition is one minute).
CREATE FUNCTION [woo].[fn_JobDefinitions] (@IntervalSeconds int)
RETURNS TABLE
AS
RETURN
SELECT j.JobKey,
       CONVERT(nvarchar (256), N'CpOrders.' + DB_NAME() + N'.' + j.Title) AS JobName,
       CONVERT(nvarchar (512), j.[Description] + N' Installed by woo.usp_InstallJobs; the record is woo.RunLog, not this history.') AS [Description],
       j.EntryProcedure,
       j.Command,
       CONVERT(nvarchar (256), N'CpOrders.' + DB_NAME() + N'.' + j.Title) AS ScheduleName,
       4 AS FreqType,
       1 AS FreqInterval,
       j.FreqSubdayType,
       j.FreqSubdayInterval,
       j.ActiveStartTime,
       j.TaskSchedule
FROM (VALUES
    -- Every @IntervalSeconds (default 30: an idle run costs one request per store, and a web order reaches
    -- Counterpoint within a minute). Whole minutes are scheduled as minutes.
    (CONVERT(varchar (20), 'PIPELINE'), CONVERT(nvarchar (60), N'Pipeline'),
     CONVERT(nvarchar (400), N'Pulls, processes and pushes WooCommerce orders and stock (woo.usp_RunPipeline).'),
     CONVERT(nvarchar (260), N'woo.usp_RunPipeline'), CONVERT(nvarchar (400), N'EXEC woo.usp_RunPipeline;'),
     CASE WHEN @IntervalSeconds % 60 = 0 THEN 4 ELSE 2 END,
     CASE WHEN @IntervalSeconds % 60 = 0 THEN @IntervalSeconds / 60 ELSE @IntervalSeconds END,
     0,
     CONVERT(nvarchar (200), N'/SC MINUTE /MO ' + CONVERT(nvarchar (10), CASE WHEN @IntervalSeconds <= 60 THEN 1 ELSE (@IntervalSeconds + 59) / 60 END))),
    -- Hourly at :15: the incremental catalog read (what changed in the shop's products and variations).
    ('CATALOG', N'Catalog', N'Reads the changed WooCommerce products and variations of every store with a stock rule (woo.usp_RunPipeline @Steps = CATALOG).',
     N'woo.usp_ReadCatalog', N'EXEC woo.usp_RunPipeline @Steps = ''CATALOG'';',
     8, 1, 1500, N'/SC HOURLY /MO 1 /ST 00:15'),
    -- Nightly at 02:45: the full catalog reconciliation (repairs changes made by hand in the shop), then stock.
    ('CATALOG_FULL', N'CatalogFull', N'Full catalog reconciliation of every store with a stock rule, then the stock push (woo.usp_RunPipeline @Steps = CATALOG_FULL,STOCK).',
     N'woo.usp_ReadCatalog', N'EXEC woo.usp_RunPipeline @Steps = ''CATALOG_FULL,STOCK'';',
     1, 0, 24500, N'/SC DAILY /ST 02:45'),
    -- Daily at 04:15: the reconciliation of yesterday's orders (shop vs Counterpoint; woo.ReconcileReport).
    ('RECONCILE', N'Reconcile', N'Reconciles yesterday''s WooCommerce orders with Counterpoint for every enabled store (woo.usp_RunPipeline @Steps = RECONCILE).',
     N'woo.usp_Reconcile', N'EXEC woo.usp_RunPipeline @Steps = ''RECONCILE'';',
     1, 0, 41500, N'/SC DAILY /ST 04:15'),
    -- Daily at 03:30: retention of the run log, events, sent messages, acknowledged alerts and raw JSON (design 10).
    ('HOUSEKEEPING', N'Housekeeping', N'Retention of logs, messages and raw order JSON (woo.usp_Housekeeping).',
     N'woo.usp_Housekeeping', N'EXEC woo.usp_Housekeeping;',
     1, 0, 33000, N'/SC DAILY /ST 03:30'),
    -- Every 5 minutes, in a job of its own (a hung pipeline job cannot report itself): the checks (dead letters, stale
    -- queues, failing steps, jobs running too long, trust), then one digest per open problem class (the alert table
    -- always; Database Mail when configured). The digest runs the checks itself (@Check = 'Y': forced, the job is the
    -- scheduler, and in a TRY of their own, so a failing check never stops the digest).
    ('ALERT_DIGEST', N'AlertDigest', N'Checks the pipeline and sends the digest of open alerts (woo.usp_CheckAlerts, woo.usp_SendAlertDigest).',
     N'woo.usp_SendAlertDigest', N'EXEC woo.usp_SendAlertDigest @Check = ''Y'';',
     4, 5, 0, N'/SC MINUTE /MO 5')
) AS j (JobKey, Title, [Description], EntryProcedure, Command, FreqSubdayType, FreqSubdayInterval, ActiveStartTime, TaskSchedule);
