-- Signature of tSQLt.ResultSetFilter (stub; never deployed).
CREATE PROCEDURE [tSQLt].[ResultSetFilter]
    @ResultsetNo int,
    @Command nvarchar(max)
AS
RETURN 0;
