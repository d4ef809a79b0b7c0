-- Helper (not a test): runs woo.usp_ProcessStagedOrders for store T13P as the job login CpOrdersTest_JobLogin (created
-- by the runner, member of CpOrdersJob only) and returns its @Outcomes and the error it raised, if any. Dynamic SQL, so
-- no ownership chain from this dbo-owned helper hides a permission check; REVERT in the same batch.
CREATE PROCEDURE [test_ProcessStagedOrders].[ProcessAsJobLogin]
    @Execute   char (1),
    @Outcomes  nvarchar (max) OUTPUT,
    @Error     nvarchar (4000) OUTPUT
AS
BEGIN
    DECLARE @Batch nvarchar (max) = N'
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    EXEC woo.usp_ProcessStagedOrders @StoreId = ''T13P'', @Execute = @X, @Outcomes = @O OUTPUT;
END TRY
BEGIN CATCH
    SET @E = CONVERT(nvarchar (20), ERROR_NUMBER()) + N'': '' + ERROR_MESSAGE();
END CATCH;
REVERT;';
    DECLARE @Exec nvarchar (300) = N'sys.sp_executesql';   -- by name: the test dacpac has no master reference for it
    SELECT @Outcomes = NULL, @Error = NULL;
    EXEC @Exec @Batch, N'@X char (1), @O nvarchar (max) OUTPUT, @E nvarchar (4000) OUTPUT',
         @X = @Execute, @O = @Outcomes OUTPUT, @E = @Error OUTPUT;
END;
