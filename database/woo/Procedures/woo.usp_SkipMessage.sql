-- An operator gives up an outbound message (woo.Outbox) that is PENDING, waiting for a RETRY or DEAD: SKIPPED, never sent,
-- with who (ORIGINAL_LOGIN()) and why logged in woo.OutboxEvent (SKIPPED) and in the message's LastError. A reason is
-- required. Refuses a SENT or SKIPPED message and one being sent now (its lease has not expired). @Execute = 'N' shows
-- the change, writes nothing.
CREATE PROCEDURE [woo].[usp_SkipMessage]
    @MessageId bigint,
    @Reason    nvarchar (1000) = NULL,
    @Execute   char (1) = 'Y'
AS
BEGIN
    SET NOCOUNT ON;
    SET XACT_ABORT ON;
    EXEC woo.usp_SetMessageStateByOperator @MessageId = @MessageId, @Reason = @Reason, @Action = 'SKIP', @Execute = @Execute;
    RETURN 0;
END;
