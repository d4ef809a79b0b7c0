CREATE PROCEDURE [test_QueueOperator].[test requeue puts a dead order back to pending with attempts reset and logs who and why]
AS
BEGIN
    EXEC [test_QueueOperator].[Arrange] @State = 'DEAD';

    EXEC woo.usp_RequeueOrder @StoreId = 'WEB', @WooOrderId = 601, @Reason = N'SKU mapped with woo.usp_SetSkuMap';

    SELECT q.WooOrderId, q.[State], q.Attempts, q.LastErrorCode INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected (WooOrderId bigint, [State] varchar(10), Attempts int, LastErrorCode varchar(40));
    INSERT INTO #Expected VALUES (601, 'PENDING', 0, NULL);
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    SELECT e.EventType, e.Actor INTO #ActualEvents FROM woo.OrderEvent AS e WHERE e.Detail LIKE N'DEAD -> PENDING by %SKU mapped with woo.usp[_]SetSkuMap%';
    CREATE TABLE #ExpectedEvents (EventType varchar(20), Actor sysname);
    INSERT INTO #ExpectedEvents VALUES ('REQUEUED', ORIGINAL_LOGIN());
    EXEC tSQLt.AssertEqualsTable @Expected = N'#ExpectedEvents', @Actual = N'#ActualEvents';
END;
