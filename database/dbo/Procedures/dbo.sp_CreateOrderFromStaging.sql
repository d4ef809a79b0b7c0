-- The predecessor's entry point, kept with its parameters (design 1): processes ONE queued order now, through
-- woo.usp_ProcessStagedOrders (@QueueId; the same claim, transaction and failure handling as the job; its outcome row
-- is returned as a result set), then reports the predecessor's outputs from the queue row. @StagingID is
-- woo.OrderQueue.QueueId (a migrated predecessor row: woo.OrderQueue.LegacyStagingId). Only a due order is processed
-- (PENDING, or RETRY whose next attempt has come): a PARKED, DEAD or SKIPPED order must be requeued first
-- (woo.usp_RequeueOrder), and an applied one is never written twice ("Order already applied", with its DOC_ID and TKT_NO).
-- @Success = 1 only when the order is APPLIED by this call; otherwise @ErrorMessage says why (the queue row's LastError,
-- or the run's own error: never raised to the old caller). Refused with a message: a call inside a transaction, a
-- @StagingID that is also another row's LegacyStagingId (an old caller passing a predecessor id would process another
-- order), and an order of a disabled store.
CREATE PROCEDURE [dbo].[sp_CreateOrderFromStaging]
    @StagingID     int,
    @DocID         bigint = NULL OUTPUT,
    @TktNo         varchar (15) = NULL OUTPUT,
    @Success       bit = NULL OUTPUT,
    @ErrorMessage  nvarchar (500) = NULL OUTPUT
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;

    DECLARE @QueueId bigint = @StagingID, @State varchar (10), @NextAttempt datetime2 (0), @LeaseExpires datetime2 (0), @LastError nvarchar (4000),
            @Enabled char (1), @StoreId varchar (10), @OtherQueueId bigint;
    SELECT @DocID = NULL, @TktNo = NULL, @Success = 0, @ErrorMessage = NULL;

    IF @@TRANCOUNT > 0
    BEGIN
        SET @ErrorMessage = N'Call dbo.sp_CreateOrderFromStaging outside a transaction: the order is written in its own short transaction (design 5).';
        RETURN;
    END;
    SELECT @OtherQueueId = MIN(q.QueueId) FROM woo.OrderQueue AS q WHERE q.LegacyStagingId = @StagingID AND q.QueueId <> @QueueId;
    IF @OtherQueueId IS NOT NULL
    BEGIN
        SET @ErrorMessage = LEFT(N'Ambiguous @StagingID ' + CONVERT(nvarchar (20), @StagingID) + N': it is a QueueId, but also the predecessor staging id of QueueId '
                                 + CONVERT(nvarchar (20), @OtherQueueId) + N'. Call woo.usp_ProcessStagedOrders @QueueId = <the QueueId you mean> instead.', 500);
        RETURN;
    END;
    SELECT @State = q.[State], @NextAttempt = q.NextAttemptUtc, @LeaseExpires = q.LeaseExpiresUtc, @DocID = q.DocId, @TktNo = q.TktNo,
           @StoreId = q.StoreId, @Enabled = s.IsEnabled
    FROM woo.OrderQueue AS q JOIN woo.Store AS s ON s.StoreId = q.StoreId WHERE q.QueueId = @QueueId;
    IF @State IS NULL
    BEGIN
        SET @ErrorMessage = N'Staging record not found: no woo.OrderQueue row with QueueId ' + ISNULL(CONVERT(nvarchar (20), @StagingID), N'NULL') + N'.';
        RETURN;
    END;
    IF @Enabled <> 'Y' AND @State <> 'APPLIED'
    BEGIN
        SET @ErrorMessage = N'Store ' + @StoreId + N' is disabled: its orders are not processed; enable it first (woo.usp_SetStore).';
        RETURN;
    END;
    IF @State = 'APPLIED'
    BEGIN
        SET @ErrorMessage = LEFT(N'Order already applied (DOC_ID ' + CONVERT(nvarchar (20), @DocID) + N', TKT_NO ' + ISNULL(@TktNo, N'?') + N').', 500);
        RETURN;
    END;
    IF @State NOT IN ('PENDING', 'RETRY') OR (@State = 'RETRY' AND @NextAttempt > SYSUTCDATETIME()) OR @LeaseExpires > SYSUTCDATETIME()
    BEGIN
        SET @ErrorMessage = LEFT(N'The order is not due (state ' + @State
                                 + CASE WHEN @LeaseExpires > SYSUTCDATETIME() THEN N', being processed by another run' ELSE N'' END
                                 + CASE WHEN @State = 'RETRY' AND @NextAttempt > SYSUTCDATETIME() THEN N', next attempt ' + CONVERT(nvarchar (20), @NextAttempt, 120) + N' UTC' ELSE N'' END
                                 + N'); requeue it with woo.usp_RequeueOrder to process it now.', 500);
        RETURN;
    END;

    BEGIN TRY
        EXEC woo.usp_ProcessStagedOrders @QueueId = @QueueId, @MaxOrders = 1, @Execute = 'Y';
    END TRY
    BEGIN CATCH
        -- A run-level error (drift, lock, parameters): the old caller gets @Success = 0 and the reason, not an error.
        SET @ErrorMessage = LEFT(N'Not processed: ' + ERROR_MESSAGE(), 500);
        RETURN;
    END CATCH;

    SELECT @State = q.[State], @DocID = q.DocId, @TktNo = q.TktNo, @LastError = q.LastError
    FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    IF @State = 'APPLIED'
        SET @Success = 1;
    ELSE
        SET @ErrorMessage = LEFT(N'Not applied (state ' + @State + N'): ' + ISNULL(@LastError, N'see woo.OrderEvent'), 500);
END;
