-- An operator decides that an order is not to be written to Counterpoint (a test order, one entered by hand): PENDING,
-- RETRY, PARKED or DEAD -> SKIPPED, with a reason logged in woo.OrderEvent (SKIPPED) with ORIGINAL_LOGIN(). Refuses an
-- APPLIED order and one being processed. Undo with woo.usp_RequeueOrder. Give @WooOrderId or @QueueId.
-- @Execute = 'N' checks and shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SkipOrder]
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
         @Action = 'SKIP', @Execute = @Execute;
    RETURN 0;
END;
