-- Helper (not a test): the NoTransaction tests' clean-up. tSQLt undoes the fake tables and spies; a pipeline applock
-- this session still holds (an assertion failed mid-run) is released, and so is a pipeline lock a leaking spy took.
CREATE PROCEDURE [test_Scheduling].[CleanUp]
AS
BEGIN
    IF APPLOCK_MODE(N'public', N'CpOrders.RunPipeline', N'Session') <> N'NoLock'
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.RunPipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
    WHILE APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') <> N'NoLock'
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
    IF @@TRANCOUNT > 0
        ROLLBACK TRANSACTION;
END;
