-- Helper of the class (not a test). Runs @Statement as CpOrdersTest_OperatorLogin and returns the error it raised (number
-- and message), or NULLs. REVERT ends the impersonation in the same batch whatever the statement did.
CREATE PROCEDURE [test_AsOperatorLogin].[ErrorAsOperatorLogin]
    @Statement    nvarchar (max),
    @ErrorNumber  int OUTPUT,
    @ErrorMessage nvarchar (4000) = NULL OUTPUT
AS
BEGIN
    CREATE TABLE #Error (ErrorNumber int NULL, ErrorMessage nvarchar (4000) NULL);
    DECLARE @Batch nvarchar (max) = N'
DECLARE @N int, @M nvarchar (4000);
EXECUTE AS LOGIN = N''CpOrdersTest_OperatorLogin'';
BEGIN TRY
' + @Statement + N'
END TRY
BEGIN CATCH
    SELECT @N = ERROR_NUMBER(), @M = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Error (ErrorNumber, ErrorMessage) VALUES (@N, @M);';
    EXEC (@Batch);
    SELECT @ErrorNumber = e.ErrorNumber, @ErrorMessage = e.ErrorMessage FROM #Error AS e;
END;
