-- An operator puts a DEAD, PARKED, SKIPPED or RETRY order back to PENDING with its attempts reset, with a reason that is
-- logged in woo.OrderEvent (REQUEUED) with ORIGINAL_LOGIN(). Refuses an APPLIED order (a second document would be
-- written), one being processed (its lease has not expired) and one without order JSON (the next pull re-stages it).
-- Give @WooOrderId or @QueueId. @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_RequeueOrder]
    @StoreId    varchar (10),
    @WooOrderId bigint = NULL,
    @QueueId    bigint = NULL,
    @Reason     nvarchar (1000) = NULL,
    @Execute    char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    EXEC woo.usp_SetOrderStateByOperator @StoreId = @StoreId, @WooOrderId = @WooOrderId, @QueueId = @QueueId, @Reason = @Reason,
         @Action = 'REQUEUE', @Execute = @Execute;
    RETURN 0;
END;
