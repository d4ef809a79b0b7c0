-- An operator puts an outbound message (woo.Outbox) that is DEAD, SKIPPED or waiting for a RETRY back to PENDING, due
-- now, with its attempts reset, and logs who (ORIGINAL_LOGIN()) and why in woo.OutboxEvent (REQUEUED). A STATUS message
-- is still never sent backwards, and a NOTE that may already be in the shop is looked for by its marker before it is
-- posted (woo.usp_PushUpdates). Refuses a SENT message (woo.usp_RepushOrderStatus sends an order's status and note
-- again), a PENDING one, and one being sent now (its lease has not expired). @Execute = 'N' shows the change, writes nothing.
CREATE PROCEDURE [woo].[usp_RequeueMessage]
    @MessageId bigint,
    @Reason    nvarchar (1000) = NULL,
    @Execute   char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    EXEC woo.usp_SetMessageStateByOperator @MessageId = @MessageId, @Reason = @Reason, @Action = 'REQUEUE', @Execute = @Execute;
    RETURN 0;
END;
