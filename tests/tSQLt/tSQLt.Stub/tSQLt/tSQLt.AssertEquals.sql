-- Signature of tSQLt.AssertEquals (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertEquals]
    @Expected sql_variant,
    @Actual sql_variant,
    @Message nvarchar(max) = ''
AS
RETURN 0;
