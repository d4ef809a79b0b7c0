-- 2. Quiesce the pipeline before the assembly and the procedures change: take the pipeline's applock for this session
-- (the pipeline takes it with @LockTimeout = 0 and logs a skip), waiting up to 2 minutes in all for a running pipeline
-- to finish. The wait is split into three batches of at most 40 seconds each, so that no batch outlasts DacFx's
-- default CommandTimeout of 60 seconds (sqlpackage /pr: without the /p: timeouts of README): each batch asks only if
-- the lock is not yet held (APPLOCK_MODE), so a session that already holds it (an SSMS window rerunning the script
-- after :on error exit) does not take it twice, and post-deploy's single release frees it. The last batch stops the
-- deploy with THROW if the lock is still not held. Post-deploy releases it; so does the end of the connection if the
-- deploy stops (an SSMS window keeps its connection, and so the lock, until it is closed: README).
-- (DacFx's DatabaseLockTimeout sets the lock timeout of DacFx's own queries; sp_getapplock's explicit @LockTimeout
-- below does not depend on it.) Taking the lock changes nothing: one "pipeline lock (...): no changes." line.
IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') = N'NoLock'
    EXEC sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 40000, @DbPrincipal = N'public';
GO
IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') = N'NoLock'
    EXEC sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 40000, @DbPrincipal = N'public';
GO
DECLARE @LockResult int = 0, @LockMessage nvarchar(2048);
IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') = N'NoLock'
    EXEC @LockResult = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 40000, @DbPrincipal = N'public';
IF @LockResult < 0 OR APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') = N'NoLock'
BEGIN
    SET @LockMessage = N'CPO-DEPLOY-BUSY: the CpOrders pipeline of database $(DatabaseName) is still running after 2 minutes (sp_getapplock returned '
        + CAST(@LockResult AS nvarchar(10)) + N'). Let it finish or stop its job, then deploy again. Nothing was changed.';
    THROW 50110, @LockMessage, 1;
END;
PRINT N'CpOrders pre-deploy: pipeline lock (held for this deploy): no changes.';
GO
