-- woo.Store.UseWebNumberAsTicket = 'Y': the WooCommerce order number is the ticket number and the store's order counter
-- (PS_STR_CFG_PS.NXT_ORD_NO) does not move. An order whose number an open document of the store already has is not
-- written under a second number: it is parked CPO-NUMBER-TAKEN, and the order after it still goes through.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test the web order number becomes the ticket number when chosen, and a taken number parks the order]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    UPDATE woo.Store SET UseWebNumberAsTicket = 'Y' WHERE StoreId = 'T13P';
    DECLARE @Q1 bigint, @Q2 bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91031, @QueueId = @Q1 OUTPUT;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91032, @QueueId = @Q2 OUTPUT;
    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @QueueId = @Q1, @Execute = 'Y';
    -- A store clerk typed ticket 91032 by hand meanwhile: copy the first document's header under that number.
    DECLARE @DocId bigint = (SELECT q.DocId FROM woo.OrderQueue AS q WHERE q.QueueId = @Q1);
    SELECT * INTO #Hdr FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.DOC_ID = @DocId;
    UPDATE #Hdr SET DOC_ID = DOC_ID + 1000000, TKT_NO = '91032', DOC_GUID = NEWID();
    INSERT INTO [$(CounterpointDb)].dbo.PS_DOC_HDR SELECT * FROM #Hdr;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @QueueId = @Q2, @Execute = 'Y';

    CREATE TABLE #Expected (QueueId bigint, [State] varchar (10), TktNo varchar (15), LastErrorCode varchar (40));
    INSERT INTO #Expected VALUES (@Q1, 'APPLIED', '91031', NULL), (@Q2, 'PARKED', NULL, 'CPO-NUMBER-TAKEN');
    SELECT q.QueueId, q.[State], q.TktNo, q.LastErrorCode INTO #Actual FROM woo.OrderQueue AS q WHERE q.QueueId IN (@Q1, @Q2);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    DECLARE @Next varchar (15) = (SELECT c.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 'W700', @Actual = @Next, @Message = N'the store''s order counter is not used';
END;
