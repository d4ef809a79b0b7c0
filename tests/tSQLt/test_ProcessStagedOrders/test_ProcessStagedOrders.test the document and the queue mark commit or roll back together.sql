-- A crash between the document and the queue mark is impossible: they are one transaction. A test-only constraint makes
-- the APPLIED event (written after every document row, IM_INV and the queue mark) fail: nothing of the document, the
-- inventory or the numbers may remain, and the order is DEAD (a constraint error repeats on every retry).
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test the document and the queue mark commit or roll back together]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91031, @QueueId = @QueueId OUTPUT;
    EXEC (N'ALTER TABLE woo.OrderEvent WITH NOCHECK ADD CONSTRAINT CK_test_ProcessStagedOrders_NoApplied CHECK (EventType <> ''APPLIED'');');

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    DECLARE @Docs int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Docs, @Message = N'no PS_DOC_HDR left';
    DECLARE @Lines int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_LIN AS l WHERE l.STR_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Lines, @Message = N'no PS_DOC_LIN left';
    DECLARE @Commit decimal (15, 4) = (SELECT v.QTY_COMMIT FROM [$(CounterpointDb)].dbo.IM_INV AS v WHERE v.ITEM_NO = 'T13-A' AND v.LOC_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 0.0000, @Actual = @Commit, @Message = N'IM_INV unchanged';
    DECLARE @Next varchar (15) = (SELECT c.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 'W700', @Actual = @Next, @Message = N'order number not consumed';
    DECLARE @State varchar (10), @DocId bigint;
    SELECT @State = q.[State], @DocId = q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId;
    EXEC tSQLt.AssertEquals @Expected = 'DEAD', @Actual = @State, @Message = N'queue state';
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @DocId, @Message = N'no DocId recorded';
END;
