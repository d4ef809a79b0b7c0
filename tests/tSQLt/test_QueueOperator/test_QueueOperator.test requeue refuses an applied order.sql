CREATE PROCEDURE [test_QueueOperator].[test requeue refuses an applied order]
AS
BEGIN
    EXEC [test_QueueOperator].[Arrange] @State = 'APPLIED';
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'%CPO-ORDER-APPLIED: the order was applied as Counterpoint document 100601 (ticket W-601); requeueing it would write a second document%';
    EXEC woo.usp_RequeueOrder @StoreId = 'WEB', @WooOrderId = 601, @Reason = N'try again please';
END;
