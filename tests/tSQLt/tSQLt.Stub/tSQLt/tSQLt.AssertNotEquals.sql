-- Signature of tSQLt.AssertNotEquals (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertNotEquals]
    @Expected sql_variant,
    @Actual sql_variant,
    @Message nvarchar(max) = ''
AS
RETURN 0;
