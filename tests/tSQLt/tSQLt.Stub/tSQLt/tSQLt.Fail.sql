-- Signature of tSQLt.Fail (stub; never deployed).
CREATE PROCEDURE [tSQLt].[Fail]
    @Message0 nvarchar(max) = '',
    @Message1 nvarchar(max) = '',
    @Message2 nvarchar(max) = '',
    @Message3 nvarchar(max) = '',
    @Message4 nvarchar(max) = '',
    @Message5 nvarchar(max) = '',
    @Message6 nvarchar(max) = '',
    @Message7 nvarchar(max) = '',
    @Message8 nvarchar(max) = '',
    @Message9 nvarchar(max) = ''
AS
RETURN 0;
