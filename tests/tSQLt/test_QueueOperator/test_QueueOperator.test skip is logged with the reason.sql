CREATE PROCEDURE [test_QueueOperator].[test skip is logged with the reason]
AS
BEGIN
    EXEC [test_QueueOperator].[Arrange] @State = 'PARKED';

    EXEC woo.usp_SkipOrder @StoreId = 'WEB', @WooOrderId = 601, @Reason = N'test order placed by the web agency';

    SELECT q.[State] INTO #Actual FROM woo.OrderQueue AS q;
    CREATE TABLE #Expected ([State] varchar(10));
    INSERT INTO #Expected VALUES ('SKIPPED');
    EXEC tSQLt.AssertEqualsTable @Expected = N'#Expected', @Actual = N'#Actual';
    IF NOT EXISTS (SELECT 1 FROM woo.OrderEvent WHERE EventType = 'SKIPPED' AND Actor = ORIGINAL_LOGIN() AND Detail LIKE N'PARKED -> SKIPPED by %web agency%')
        EXEC tSQLt.Fail N'the skip is not logged with who and why';
END;
