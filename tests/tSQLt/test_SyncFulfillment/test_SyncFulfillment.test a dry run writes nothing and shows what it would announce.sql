-- @Execute = 'N' for a fully shipped order: every table a real run writes is unchanged afterwards (outbox, fulfillment
-- state, release and tracking rows, run log, alerts), and @Outcomes shows the two messages a real run would queue, so
-- a dry run that failed the order cannot pass as "wrote nothing".
--[@tSQLt:NoTransaction]('test_SyncFulfillment.CleanUp')
CREATE PROCEDURE [test_SyncFulfillment].[test a dry run writes nothing and shows what it would announce]
AS
BEGIN
    DECLARE @QueueId bigint, @Outcomes nvarchar (max);
    EXEC test_SyncFulfillment.Arrange @WooOrderId = 91506, @DocId = 915110000006, @QueueId = @QueueId OUTPUT;
    EXEC test_SyncFulfillment.Release @DocId = 915110000006, @ReleaseDocId = 915130000061, @QtyA = 2, @QtyB = 1, @Tracking1 = '1Z15DRY';

    CREATE TABLE #Before (Item nvarchar (60), [Value] nvarchar (400));
    CREATE TABLE #After (Item nvarchar (60), [Value] nvarchar (400));
    DECLARE @Pass int = 1;
    WHILE @Pass <= 2
    BEGIN
        IF @Pass = 2
            EXEC woo.usp_SyncFulfillment @StoreId = 'T15F', @Execute = 'N', @Outcomes = @Outcomes OUTPUT;
        DELETE FROM #After;
        INSERT INTO #After (Item, [Value])
        SELECT N'outbox', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.Outbox))
        UNION ALL SELECT N'state', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.OrderFulfillment))
        UNION ALL SELECT N'releases', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.OrderFulfillmentRelease))
        UNION ALL SELECT N'tracking', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.OrderFulfillmentTracking))
        UNION ALL SELECT N'run log', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.RunLog))
        UNION ALL SELECT N'alerts', CONVERT(nvarchar (400), (SELECT COUNT(*) FROM woo.Alert));
        IF @Pass = 1
            INSERT INTO #Before (Item, [Value]) SELECT a.Item, a.[Value] FROM #After AS a;
        SET @Pass += 1;
    END;
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Before', @Actual = N'#After', @Message = N'the dry run changed something';

    DECLARE @Would nvarchar (400) = (SELECT STRING_AGG(CONVERT(nvarchar (max), o.Outcome + N'|' + o.Kind + N'|' + ISNULL(o.WooStatus, N'-')), N',')
                                                WITHIN GROUP (ORDER BY o.Kind DESC)
                                     FROM OPENJSON(@Outcomes) WITH (Outcome varchar (20), Kind varchar (10), WooStatus varchar (40)) AS o);
    EXEC tSQLt.AssertEqualsString @Expected = N'SHIPPED|STATUS|completed,SHIPPED|NOTE|-', @Actual = @Would, @Message = N'what the dry run would announce';
END;
