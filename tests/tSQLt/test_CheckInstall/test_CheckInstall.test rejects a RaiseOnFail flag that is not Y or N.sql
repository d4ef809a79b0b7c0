CREATE PROCEDURE [test_CheckInstall].[test rejects a RaiseOnFail flag that is not Y or N]
AS
BEGIN
    EXEC tSQLt.ExpectException @ExpectedMessagePattern = N'CPO-PARAM: @RaiseOnFail must be%';
    EXEC woo.usp_CheckInstall @RaiseOnFail = 'X';
END;
