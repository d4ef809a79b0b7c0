CREATE PROCEDURE [test_AsJobLogin].[test the job login cannot run the operator recovery procedure]
AS
BEGIN
    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'
    EXEC woo.usp_RestoreJobsAfterDeploy @Execute = ''N'';', @ErrorNumber = @Error OUTPUT;
    -- 229: the EXECUTE permission was denied: only CpOrdersOperator holds it.
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error;
END;
