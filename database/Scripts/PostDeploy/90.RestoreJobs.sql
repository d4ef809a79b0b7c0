-- 5. Re-enable the jobs pre-deploy disabled (woo.usp_RestoreJobsAfterDeploy prints each one), then release the pipeline
--    lock taken by pre-deploy. Nothing to re-enable: one "no changes." line.
IF EXISTS (SELECT 1 FROM woo.DeployJobState)
    EXEC woo.usp_RestoreJobsAfterDeploy;
ELSE
    PRINT N'CpOrders post-deploy: jobs: no changes.';
IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') <> N'NoLock'
    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
GO
