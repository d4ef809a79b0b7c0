-- The first order names an item Counterpoint does not have: it is PARKED with the planner's problem; the second order
-- of the same run is applied.
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test an unknown SKU parks its order and the next order goes through]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @Q1 bigint, @Q2 bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91021, @Sku = N'T13-NOPE', @QueueId = @Q1 OUTPUT;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91022, @Sku = N'T13-B', @QueueId = @Q2 OUTPUT;

    EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'Y';

    CREATE TABLE #Expected (QueueId bigint, [State] varchar (10), LastErrorCode varchar (40), HasDocument bit);
    INSERT INTO #Expected VALUES (@Q1, 'PARKED', 'CPO-ITEM-UNKNOWN', 0), (@Q2, 'APPLIED', NULL, 1);
    SELECT q.QueueId, q.[State], q.LastErrorCode, CONVERT(bit, CASE WHEN q.DocId IS NULL THEN 0 ELSE 1 END) AS HasDocument
    INTO #Actual FROM woo.OrderQueue AS q WHERE q.QueueId IN (@Q1, @Q2);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';

    -- T13-B had no IM_INV row at T13P: the order created it.
    DECLARE @Commit decimal (15, 4) = (SELECT v.QTY_COMMIT FROM [$(CounterpointDb)].dbo.IM_INV AS v WHERE v.ITEM_NO = 'T13-B' AND v.LOC_ID = 'T13P');
    EXEC tSQLt.AssertEquals @Expected = 1.0000, @Actual = @Commit, @Message = N'missing IM_INV row created with the commitment';
    DECLARE @Events int = (SELECT COUNT(*) FROM woo.OrderEvent AS e WHERE e.QueueId = @Q1 AND e.EventType = 'PARKED' AND e.Detail LIKE N'%T13-NOPE%');
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Events, @Message = N'a PARKED event naming the SKU';
END;
