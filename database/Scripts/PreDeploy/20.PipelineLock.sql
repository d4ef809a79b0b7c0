-- 2. Quiesce the pipeline before the assembly and the procedures change: take the pipeline's applock for this session
-- (the pipeline takes it with @LockTimeout = 0 and logs a skip), waiting up to 2 minutes for a running pipeline to
-- finish. Post-deploy releases it; so does the end of the connection if the deploy stops. (An SSMS window whose script
-- stopped on :on error exit keeps its connection, and so the lock, until the window is closed: README.) The publish
-- profile's CommandTimeout covers this wait.
DECLARE @LockResult int, @LockMessage nvarchar(2048);
EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000, @DbPrincipal = N'public';
IF @LockResult < 0
BEGIN
    SET @LockMessage = N'CPO-DEPLOY-BUSY: the CpOrders pipeline of database $(DatabaseName) is still running after 2 minutes (sp_getapplock returned '
        + CAST(@LockResult AS nvarchar(10)) + N'). Let it finish or stop its job, then deploy again. Nothing was changed.';
    THROW 50110, @LockMessage, 1;
END;
IF @LockResult = 1
    PRINT N'CpOrders pre-deploy: pipeline lock (waited for the running pipeline; held for this deploy): no changes.';
ELSE
    PRINT N'CpOrders pre-deploy: pipeline lock (held for this deploy): no changes.';
GO
