CREATE PROCEDURE [test_AsJobLogin].[test the job login cannot read Counterpoint except through a signed module]
AS
BEGIN
    CREATE TABLE #Result (ErrorNumber int NULL, ErrorMessage nvarchar(max) NULL);
    EXEC (N'
DECLARE @N int, @M nvarchar(max);
EXECUTE AS LOGIN = N''CpOrdersTest_JobLogin'';
BEGIN TRY
    DECLARE @R int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR);
END TRY
BEGIN CATCH
    SELECT @N = ERROR_NUMBER(), @M = ERROR_MESSAGE();
END CATCH;
REVERT;
INSERT INTO #Result (ErrorNumber, ErrorMessage) VALUES (@N, @M);');
    -- 229: the SELECT permission was denied: the login's own user in Counterpoint holds nothing.
    DECLARE @Error int = (SELECT ErrorNumber FROM #Result);
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error;
END;
