-- Helper of the class (not a test: its name does not start with "test"). Runs @Statement as the job login
-- CpOrdersTest_JobLogin and returns the error it raised, or NULL. The statement runs in dynamic SQL, so no ownership
-- chain from this dbo-owned procedure hides the permission check under test; REVERT ends the impersonation in the same
-- batch whatever the statement did.
CREATE PROCEDURE [test_AsJobLogin].[ErrorNumberAsJobLogin]
    @Statement   nvarchar (max),
    @ErrorNumber int OUTPUT
AS
BEGIN
    CREATE TABLE #Error (ErrorNumber int NULL);
    DECLARE @Batch nvarchar (max) = N'
DECLARE @N int;
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
' + @Statement + N'
END TRY
BEGIN CATCH
    SET @N = ERROR_NUMBER();
END CATCH;
REVERT;
INSERT INTO #Error (ErrorNumber) VALUES (@N);';
    EXEC (@Batch);
    SET @ErrorNumber = (SELECT ErrorNumber FROM #Error);
END;
