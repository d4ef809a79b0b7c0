-- 5. Re-enable the jobs pre-deploy disabled, then release the pipeline lock taken by pre-deploy.
EXEC woo.usp_RestoreJobsAfterDeploy;
IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') <> N'NoLock'
    EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
PRINT N'CpOrders post-deploy: done.';
GO
