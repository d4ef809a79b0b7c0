-- The least-privileged caller: the job login (CpOrdersJob only, no user in Counterpoint) runs a dry run of a guest order,
-- which reads Counterpoint through the signed modules (drift check, customer, gather, numbers) and calls the planner.
CREATE PROCEDURE [test_ProcessStagedOrders].[test the job login runs a dry run through the signed modules]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint, @ErrorNumber int;
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91061, @CustomerId = 0, @Email = N'job@example.com', @QueueId = @QueueId OUTPUT;

    EXEC test_AsJobLogin.ErrorNumberAsJobLogin @Statement = N'EXEC woo.usp_ProcessStagedOrders @StoreId = ''T13P'', @Execute = ''N'';',
         @ErrorNumber = @ErrorNumber OUTPUT;

    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @ErrorNumber, @Message = N'error raised as the job login';
END;
