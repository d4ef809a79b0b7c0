-- Takes the locks of one run of a pipeline step for the caller's session (design 8; sp_getapplock, Session owner,
-- timeout 0: a step never waits): 'CpOrders.Pipeline' Shared (a deploy holds it Exclusive: PreDeploy/20.PipelineLock.sql)
-- and then the step's own lock @OwnLock Exclusive (NULL: none), e.g. 'CpOrders.PushUpdates:<StoreId>', so two runs of
-- the step never overlap. Session-owned locks outlive this procedure: after @Taken = 1 the caller holds them until it
-- calls woo.usp_ReleaseStepLocks with the same @OwnLock (on every path, CATCH included; never after a skip).
-- @Taken = 1: both are held. @Taken = 0: none is held (a lock already taken is released again), @Message says which
-- lock was busy, and the caller's run log row @RunId (when given) is ended SKIPPED with @BusyCode and that message.
-- Internal: called by the step procedures, granted to no role.
CREATE PROCEDURE [woo].[usp_TakeStepLocks]
    @OwnLock  nvarchar (255) = NULL,
    @RunId    bigint = NULL,
    @BusyCode varchar (40) = 'CPO-PIPELINE-BUSY',
    @Taken    bit = 0 OUTPUT,
    @Message  nvarchar (2048) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    DECLARE @Result int;
    SELECT @Taken = 0, @Message = NULL;

    EXEC @Result = sys.sp_getapplock @Resource = N'CpOrders.Pipeline', @LockMode = N'Shared', @LockOwner = N'Session',
                                     @LockTimeout = 0, @DbPrincipal = N'public';
    IF @Result < 0
        SET @Message = CONCAT(@BusyCode, N': a deploy holds the CpOrders pipeline lock (sp_getapplock returned ', @Result,
                              N'); this run is skipped. The next scheduled run goes on.');
    ELSE IF @OwnLock IS NOT NULL
    BEGIN
        EXEC @Result = sys.sp_getapplock @Resource = @OwnLock, @LockMode = N'Exclusive', @LockOwner = N'Session',
                                         @LockTimeout = 0, @DbPrincipal = N'public';
        IF @Result < 0
        BEGIN
            EXEC sys.sp_releaseapplock @Resource = N'CpOrders.Pipeline', @LockOwner = N'Session', @DbPrincipal = N'public';
            SET @Message = CONCAT(@BusyCode, N': another run still holds ', @OwnLock, N' (sp_getapplock returned ', @Result,
                                  N'); this run is skipped. If this repeats, a run is slow or hangs: see woo.RunLog.');
        END;
    END;

    IF @Message IS NULL
    BEGIN
        SET @Taken = 1;
        RETURN 0;
    END;
    IF @RunId IS NOT NULL
        UPDATE r SET r.EndedAtUtc = SYSUTCDATETIME(), r.Outcome = 'SKIPPED', r.ErrorCode = @BusyCode, r.ErrorMessage = @Message
        FROM woo.RunLog AS r WHERE r.RunId = @RunId;
    RAISERROR (N'%s', 10, 1, @Message) WITH NOWAIT;
    RETURN 0;
END;
