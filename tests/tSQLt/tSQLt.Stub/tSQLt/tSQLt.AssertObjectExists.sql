-- Signature of tSQLt.AssertObjectExists (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertObjectExists]
    @ObjectName nvarchar(max),
    @Message nvarchar(max) = ''
AS
RETURN 0;
