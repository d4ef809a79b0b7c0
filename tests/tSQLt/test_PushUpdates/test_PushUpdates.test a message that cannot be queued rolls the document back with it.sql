-- The messages are part of the document's transaction, not written after it: a test-only constraint makes the private
-- note's INSERT fail, and then neither the document nor the queue mark nor any message may remain (the order is DEAD: a
-- constraint error repeats on every retry). Were the enqueue outside the transaction, the document would stay.
--[@tSQLt:NoTransaction]('test_PushUpdates.CleanUpProcessed')
CREATE PROCEDURE [test_PushUpdates].[test a message that cannot be queued rolls the document back with it]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    EXEC woo.usp_SetStatusRule @StoreId = 'T13P', @StatusAfterCreate = N'processing', @PrivateNoteAfterCreate = 'Y';
    DECLARE @QueueId bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91511, @QueueId = @QueueId OUTPUT;
    EXEC (N'ALTER TABLE woo.Outbox WITH NOCHECK ADD CONSTRAINT CK_test_PushUpdates_NoNote CHECK (Kind <> ''NOTE'');');

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    DECLARE @Docs int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T13P'),
            @Messages int = (SELECT COUNT(*) FROM woo.Outbox AS o WHERE o.StoreId = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Docs, @Message = N'no document left';
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Messages, @Message = N'no message left (not even the status before the note)';
    DECLARE @State varchar (10), @DocId bigint;
    SELECT @State = q.[State], @DocId = q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'DEAD', @Actual = @State, @Message = N'queue state';
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @DocId, @Message = N'no DocId recorded';
END;
