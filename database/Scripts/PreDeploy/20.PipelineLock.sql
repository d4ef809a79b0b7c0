-- Quiesce the pipeline before the assembly and the procedures change: take the pipeline's applock for this session
-- (the pipeline takes it with @LockTimeout = 0 and logs a skip), waiting up to 2 minutes for a running pipeline to
-- finish. Post-deploy releases it; so does the end of the connection if the deploy stops.
DECLARE @LockResult int;
EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000, @DbPrincipal = N'public';
IF @LockResult < 0
    RAISERROR (N'CPO-DEPLOY-BUSY: the CpOrders pipeline of database $(DatabaseName) is still running after 2 minutes (sp_getapplock returned %d). Let it finish or stop its job, then deploy again. Nothing was changed.', 16, 1, @LockResult);
ELSE IF @LockResult = 1
    PRINT N'CpOrders pre-deploy: waited for the running pipeline; pipeline lock held for this deploy.';
GO
