-- @Execute = 'N' for a guest order that would create a customer and a document: every table the real run writes is
-- unchanged afterwards (Counterpoint documents, customers, counters, inventory; the queue row, its lease, events, run
-- log, alerts). A dry run is refused inside a transaction (review MINOR 6), so this test runs without tSQLt's. The
-- outcome is asserted too (WOULD-APPLY), so a dry run that failed the order cannot pass as "wrote nothing".
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test a dry run writes nothing]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91041, @CustomerId = 0, @Email = N'dry@example.com', @QueueId = @QueueId OUTPUT;

    CREATE TABLE #Before (Item nvarchar (60), [Value] nvarchar (400));
    CREATE TABLE #After (Item nvarchar (60), [Value] nvarchar (400));
    DECLARE @Pass int = 1, @Outcomes nvarchar (max);
    WHILE @Pass <= 2
    BEGIN
        IF @Pass = 2
            EXEC woo.usp_ProcessStagedOrders @StoreId = 'T13P', @Execute = 'N', @Outcomes = @Outcomes OUTPUT;
        DELETE FROM #After;
        INSERT INTO #After (Item, [Value])
        SELECT N'documents', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR AS h WHERE h.STR_ID = 'T13P'))
        UNION ALL SELECT N'customers', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.AR_CUST AS a WHERE a.STR_ID = 'T13P'))
        UNION ALL SELECT N'order counter', (SELECT c.NXT_ORD_NO FROM [$(CounterpointDb)].dbo.PS_STR_CFG_PS AS c WHERE c.STR_ID = 'T13P')
        UNION ALL SELECT N'customer counter', (SELECT e.NXT_CUST_NO FROM [$(CounterpointDb)].dbo.EC_CTL AS e WHERE e.KEY_ID = 913)
        UNION ALL SELECT N'inventory', CONVERT(nvarchar (400), (SELECT SUM(v.QTY_COMMIT + v.QTY_ON_ORD) FROM [$(CounterpointDb)].dbo.IM_INV AS v WHERE v.LOC_ID = 'T13P'))
        UNION ALL SELECT N'inventory rows', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.IM_INV AS v WHERE v.LOC_ID = 'T13P'))
        UNION ALL SELECT N'queue row', (SELECT q.[State] + N'|' + CONVERT(nvarchar (10), q.Attempts) + N'|' + ISNULL(CONVERT(nvarchar (40), q.LeaseOwner), N'-')
                                        FROM woo.OrderQueue AS q WHERE q.QueueId = @QueueId)
        UNION ALL SELECT N'events', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.OrderEvent AS e WHERE e.QueueId = @QueueId))
        UNION ALL SELECT N'map rows', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.StoreCustomerMap AS m WHERE m.StoreId = 'T13P'))
        UNION ALL SELECT N'run log', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.RunLog))
        UNION ALL SELECT N'alerts', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.Alert));
        IF @Pass = 1
            INSERT INTO #Before (Item, [Value]) SELECT a.Item, a.[Value] FROM #After AS a;
        SET @Pass += 1;
    END;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Before', @Actual = N'#After', @Message = N'the dry run changed something';
    DECLARE @Outcome varchar (20) = JSON_VALUE(@Outcomes, N'$[0].Outcome'), @Count int = (SELECT COUNT(*) FROM OPENJSON(@Outcomes));
    EXEC tSQLt.AssertEquals @Expected = 'WOULD-APPLY', @Actual = @Outcome, @Message = N'the dry run planned the order';
    EXEC tSQLt.AssertEquals @Expected = 1, @Actual = @Count, @Message = N'one outcome';
END;
