CREATE PROCEDURE [test_AsJobLogin].[test the job login cannot call the connector directly]
AS
BEGIN
    DECLARE @Error int;
    EXEC [test_AsJobLogin].[ErrorNumberAsJobLogin] @Statement = N'
    DECLARE @V nvarchar(100) = wooclr.ClrVersion();', @ErrorNumber = @Error OUTPUT;
    -- 229: the EXECUTE permission was denied (DENY on schema wooclr to public).
    EXEC tSQLt.AssertEquals @Expected = 229, @Actual = @Error;
END;
