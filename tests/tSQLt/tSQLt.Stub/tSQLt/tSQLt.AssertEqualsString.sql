-- Signature of tSQLt.AssertEqualsString (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertEqualsString]
    @Expected nvarchar(max),
    @Actual nvarchar(max),
    @Message nvarchar(max) = ''
AS
RETURN 0;
