-- Helper (not a test): the NoTransaction tests' clean-up. tSQLt undoes the fake tables and spies; a pipeline applock
-- this session still holds (an assertion failed mid-run) is released.
CREATE PROCEDURE [test_Scheduling].[CleanUp]
AS
BEGIN
    IF APPLOCK_MODE(N'public', N'CpOrders.RunPipeline', N'Session') <> N'NoLock'
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.RunPipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
END;
