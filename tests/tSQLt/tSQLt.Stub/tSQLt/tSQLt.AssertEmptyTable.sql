-- Signature of tSQLt.AssertEmptyTable (stub; never deployed).
CREATE PROCEDURE [tSQLt].[AssertEmptyTable]
    @TableName nvarchar(max),
    @Message nvarchar(max) = ''
AS
RETURN 0;
