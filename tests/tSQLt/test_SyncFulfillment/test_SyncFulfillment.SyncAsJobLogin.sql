-- Helper (not a test): runs woo.usp_SyncFulfillment for store T15F as the job login CpOrdersTest_JobLogin (created by
-- the runner, member of CpOrdersJob only) and returns the error it raised, if any. Dynamic SQL, so no ownership chain
-- from this dbo-owned helper hides a permission check; REVERT in the same batch.
CREATE PROCEDURE [test_SyncFulfillment].[SyncAsJobLogin]
    @Error  nvarchar (4000) OUTPUT
AS
BEGIN
    DECLARE @Batch nvarchar (max) = N'
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    EXEC woo.usp_SyncFulfillment @StoreId = ''T15F'';
END TRY
BEGIN CATCH
    SET @E = CONVERT(nvarchar (20), ERROR_NUMBER()) + N'': '' + ERROR_MESSAGE();
END CATCH;
REVERT;';
    DECLARE @Exec nvarchar (300) = N'sys.sp_executesql';   -- by name: the test dacpac has no master reference for it
    SET @Error = NULL;
    EXEC @Exec @Batch, N'@E nvarchar (4000) OUTPUT', @E = @Error OUTPUT;
END;
