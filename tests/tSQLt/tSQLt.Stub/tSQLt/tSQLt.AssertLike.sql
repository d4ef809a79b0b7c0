-- Signature of tSQLt.AssertLike (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertLike]
    @ExpectedPattern nvarchar(max),
    @Actual nvarchar(max),
    @Message nvarchar(max) = ''
AS
RETURN 0;
