-- Signature of tSQLt.RunAll (stub; never deployed).
CREATE PROCEDURE [tSQLt].[RunAll]

AS
RETURN 0;
