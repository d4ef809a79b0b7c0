CREATE PROCEDURE [test_QueueOperator].[test skip without a reason changes nothing]
AS
BEGIN
    EXEC [test_QueueOperator].[Arrange] @State = 'PENDING';
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'woo.usp_SkipOrder: nothing was changed; fix every problem:%@Reason is required%';
    EXEC woo.usp_SkipOrder @StoreId = 'WEB', @WooOrderId = 601, @Reason = N' ';
END;
