CREATE PROCEDURE [test_AsOperatorLogin].[test the operator login reads the queue but not the raw order JSON]
AS
BEGIN
    DECLARE @Error int, @Message nvarchar (4000);
    EXEC [test_AsOperatorLogin].[ErrorAsOperatorLogin] @Statement = N'
    DECLARE @n int = (SELECT COUNT(*) FROM (SELECT q.QueueId, q.[State], q.LastError, q.DocId FROM woo.OrderQueue AS q) AS x);',
         @ErrorNumber = @Error OUTPUT, @ErrorMessage = @Message OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @Error, @Message = @Message;
    EXEC [test_AsOperatorLogin].[ErrorAsOperatorLogin] @Statement = N'
    DECLARE @j nvarchar (max) = (SELECT TOP (1) q.OrderJson FROM woo.OrderQueue AS q);',
         @ErrorNumber = @Error OUTPUT, @ErrorMessage = @Message OUTPUT;
    -- 230: SELECT permission denied on the column (design 10: the raw JSON is not the operator's to read).
    EXEC tSQLt.AssertEquals @Expected = 230, @Actual = @Error, @Message = @Message;
END;
