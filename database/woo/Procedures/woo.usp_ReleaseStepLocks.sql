-- Releases what woo.usp_TakeStepLocks took for the caller's session: @OwnLock, then one hold of 'CpOrders.Pipeline'.
-- Call it once for each take that answered @Taken = 1 (on every path after that, CATCH included), never after a skip:
-- Session locks are counted, and a step run inside another (woo.usp_ReconcileCatalog runs woo.usp_ReadCatalog) holds
-- the pipeline lock twice, so a release after a skip would give back the outer run's hold. A lock the session does not
-- hold is not released (no error 1223). Internal: called by the step procedures, granted to no role.
CREATE PROCEDURE [woo].[usp_ReleaseStepLocks]
    @OwnLock nvarchar (255) = NULL
AS
BEGIN
    SET NOCOUNT ON;
    IF @OwnLock IS NOT NULL AND APPLOCK_MODE(N'public', @OwnLock, N'Session') <> N'NoLock'
        EXEC sys.sp_releaseapplock @Resource = @OwnLock, @LockOwner = N'Session', @DbPrincipal = N'public';
    IF APPLOCK_MODE(N'public', N'CpOrders.Pipeline', N'Session') <> N'NoLock'
        EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
    RETURN 0;
END;
