-- Signature of tSQLt.AssertObjectDoesNotExist (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertObjectDoesNotExist]
    @ObjectName nvarchar(max),
    @Message nvarchar(max) = ''
AS
RETURN 0;
