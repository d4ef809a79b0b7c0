-- Signature of tSQLt.DropClass (stub; never deployed).
CREATE PROCEDURE [tSQLt].[DropClass]
    @ClassName nvarchar(max)
AS
RETURN 0;
