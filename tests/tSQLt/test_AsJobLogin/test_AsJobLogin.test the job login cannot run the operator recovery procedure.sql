CREATE PROCEDURE [test_AsJobLogin].[test the job login cannot run the operator recovery procedure]
AS
BEGIN
    CREATE TABLE #Result (ErrorNumber int NULL, ErrorMessage nvarchar(max) NULL);
    EXEC (N'
DECLARE @N int, @M nvarchar(max);
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    EXEC woo.usp_RestoreJobsAfterDeploy @Execute = ''N'';
END TRY
BEGIN CATCH
    SELECT @N = ERROR_NUMBER(), @M = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Result (ErrorNumber, ErrorMessage) VALUES (@N, @M);');
    -- 229: the EXECUTE permission was denied: only CpOrdersOperator holds it.
    DECLARE @Error int = (SELECT ErrorNumber FROM #Result);
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error;
END;
