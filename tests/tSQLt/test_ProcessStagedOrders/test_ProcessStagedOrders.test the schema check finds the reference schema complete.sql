-- The scratch Counterpoint database is the reference schema the writers were built against: the drift check finds no
-- problem there (and raises no alert with @RaiseAlert = 'N'). Run as the job login, it also proves the signed module
-- sees the catalog of every table the writers touch.
CREATE PROCEDURE [test_ProcessStagedOrders].[test the schema check finds the reference schema complete]
AS
BEGIN
    DECLARE @Count int, @Problems nvarchar (max), @ErrorNumber int;
    EXEC woo.usp_CheckCounterpointSchema @RaiseAlert = 'N', @Show = 'N', @ProblemCount = @Count OUTPUT, @Problems = @Problems OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = 0, @Actual = @Count, @Message = @Problems;

    EXEC test_AsJobLogin.ErrorNumberAsJobLogin
         @Statement = N'DECLARE @C int, @P nvarchar (max); EXEC woo.usp_CheckCounterpointSchema @RaiseAlert = ''N'', @Show = ''N'', @ProblemCount = @C OUTPUT, @Problems = @P OUTPUT; IF @C > 0 THROW 50999, @P, 1;',
         @ErrorNumber = @ErrorNumber OUTPUT;
    EXEC tSQLt.AssertEquals @Expected = NULL, @Actual = @ErrorNumber, @Message = N'as the job login: no problem and no error';
END;
