-- The least-privileged caller: the job login (CpOrdersJob only in CpOrders; in Counterpoint a user without any
-- permission, README Permissions) runs a dry run of a guest order, which reads Counterpoint through the signed modules
-- (drift check, customer, gather, numbers) and calls the planner. Every per-order error (229 included) would become an
-- outcome row, not an error, so the test asserts the outcome: WOULD-APPLY (review of issue 13, MAJOR 4).
--[@tSQLt:NoTransaction]('test_ProcessStagedOrders.CleanUp')
CREATE PROCEDURE [test_ProcessStagedOrders].[test the job login runs a dry run through the signed modules]
AS
BEGIN
    EXEC test_ProcessStagedOrders.Arrange;
    DECLARE @QueueId bigint, @Outcomes nvarchar (max), @Error nvarchar (4000);
    EXEC test_ProcessStagedOrders.StageOrder @WooOrderId = 91061, @CustomerId = 0, @Email = N'job@example.com', @QueueId = @QueueId OUTPUT;

    EXEC test_ProcessStagedOrders.ProcessAsJobLogin @Execute = 'N', @Outcomes = @Outcomes OUTPUT, @Error = @Error OUTPUT;

    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = N'error raised as the job login';
    DECLARE @Outcome varchar (20) = JSON_VALUE(@Outcomes, N'$[0].Outcome'), @Code varchar (40) = JSON_VALUE(@Outcomes, N'$[0].Code');
    EXEC tSQLt.AssertEquals @Expected = 'WOULD-APPLY', @Actual = @Outcome, @Message = N'outcome as the job login';
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Code, @Message = N'problem code as the job login';
END;
