CREATE PROCEDURE [test_AsJobLogin].[test the job login cannot read Counterpoint except through a signed module]
AS
BEGIN
    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'
    DECLARE @R int = (SELECT COUNT(*) FROM [$(CounterpointDb)].dbo.PS_DOC_HDR);', @ErrorNumber = @Error OUTPUT;
    -- 229: the SELECT permission was denied: the login's own user in Counterpoint holds nothing.
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error;
END;
