-- 5. Re-enable the jobs pre-deploy disabled (woo.usp_RestoreJobsAfterDeploy prints each one), then release the pipeline
--    lock taken by pre-deploy. Nothing to re-enable: one "no changes." line.
--    An upgrade from a schema before woo.DeployJobState existed: pre-deploy recorded the jobs it disabled in the holding
--    table dbo.CpOrdersDeployJobStateCarry; move them into woo.DeployJobState (created by the model) and drop it first.
IF OBJECT_ID(N'dbo.CpOrdersDeployJobStateCarry', N'U') IS NOT NULL
    EXEC sys.sp_executesql N'SET XACT_ABORT ON;
        BEGIN TRANSACTION;
        INSERT INTO woo.DeployJobState (JobId, JobName)
        SELECT c.JobId, c.JobName FROM dbo.CpOrdersDeployJobStateCarry AS c
        WHERE NOT EXISTS (SELECT 1 FROM woo.DeployJobState AS s WHERE s.JobId = c.JobId);
        DROP TABLE dbo.CpOrdersDeployJobStateCarry;
        COMMIT TRANSACTION;';
IF EXISTS (SELECT 1 FROM woo.DeployJobState)
    EXEC woo.usp_RestoreJobsAfterDeploy;
ELSE
    PRINT N'CpOrders post-deploy: jobs: no changes.';
IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') <> N'NoLock'
    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
GO
